// `npm run dist`: builds the app, then packages it with electron-builder —
// refusing to produce an unsigned Windows release unless explicitly asked
// (`npm run dist -- --unsigned` or COUNTER_ALLOW_UNSIGNED=1).
//
// Windows code signing comes from the environment, never from the repository:
//   WIN_CSC_LINK (or CSC_LINK)                 the .pfx/.p12 certificate: a file path, https URL or base64
//   WIN_CSC_KEY_PASSWORD (or CSC_KEY_PASSWORD) its password
// or, for a hardware token / cloud HSM / EV certificate:
//   COUNTER_SIGN_COMMAND   a command that signs one file in place; `{file}` is replaced by the
//                          quoted path, e.g. `signtool sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /sha1 <thumbprint> {file}`
// `--check` prints the signing plan as JSON and builds nothing (tests use it).
import { spawnSync } from 'node:child_process'

/** What to do for these arguments and this environment: { ok, signing, builderArgs, message }. */
export function signingPlan(argv, env, platform) {
  const windows = platform === 'win32' || argv.includes('--win') || argv.includes('-w')
  const unsigned = argv.includes('--unsigned') || env.COUNTER_ALLOW_UNSIGNED === '1'
  if (!windows) return { ok: true, signing: 'not-applicable', builderArgs: [], message: 'Linux packages (AppImage, deb) are not code-signed' }
  if (env.COUNTER_SIGN_COMMAND) return { ok: true, signing: 'tool', builderArgs: ['-c.win.signtoolOptions.sign=scripts/sign-windows.cjs'], message: 'signing with COUNTER_SIGN_COMMAND' }
  const pfx = env.WIN_CSC_LINK || env.CSC_LINK
  if (pfx) {
    if (!(env.WIN_CSC_KEY_PASSWORD || env.CSC_KEY_PASSWORD)) return { ok: false, signing: 'certificate', builderArgs: [], message: 'WIN_CSC_LINK is set but WIN_CSC_KEY_PASSWORD is not' }
    return { ok: true, signing: 'certificate', builderArgs: [], message: 'signing with the certificate in WIN_CSC_LINK' }
  }
  if (unsigned) return { ok: true, signing: 'unsigned', builderArgs: ['-c.win.forceCodeSigning=false'], message: 'UNSIGNED build, as asked: not for shops (Windows SmartScreen will warn)' }
  return {
    ok: false,
    signing: 'none',
    builderArgs: [],
    message: 'refusing an unsigned Windows release: set WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD or COUNTER_SIGN_COMMAND, or pass --unsigned for a test build',
  }
}

function run(command, args) {
  const r = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('dist.mjs')) {
  const argv = process.argv.slice(2)
  const plan = signingPlan(argv, process.env, process.platform)
  if (argv.includes('--check')) {
    console.log(JSON.stringify(plan))
    process.exit(plan.ok ? 0 : 2)
  }
  console.log(`dist: ${plan.message}`)
  if (!plan.ok) process.exit(2)
  const passThrough = argv.filter((a) => a !== '--unsigned')
  run('npx', ['electron-vite', 'build'])
  run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...plan.builderArgs, ...passThrough])
}
