// Cash helpers for the tender dialog (pure, unit-tested).

/** Exact, then the next 10/20/50/100-yuan amounts at or above the due (each once), in fen. */
export function quickNotes(dueFen: number): number[] {
  const out = [dueFen]
  for (const note of [1000, 2000, 5000, 10000]) {
    const v = Math.ceil(dueFen / note) * note
    if (!out.includes(v)) out.push(v)
  }
  return out
}

/** Change for a given amount, null when the given is unknown or short. */
export function changeFor(dueFen: number, givenFen: number | null): number | null {
  return givenFen === null || givenFen < dueFen ? null : givenFen - dueFen
}
