// Messages between the face worker process and its host.
export interface WorkerRequest {
  id: number
  /** The JSON request text for wxpayCallFaceService. */
  request: string
}

export type WorkerReply =
  | { type: 'ready'; pid: number }
  | { type: 'load-failed'; message: string }
  | { type: 'reply'; id: number; rc: number; response: string | null }
  | { type: 'error'; id: number; message: string }
