// electron-builder's custom Windows signer (used by scripts/dist.mjs when
// COUNTER_SIGN_COMMAND is set): runs that command once per file to sign, with
// `{file}` replaced by the quoted path. For hardware tokens, cloud HSMs and EV
// certificates that signtool reaches through its own provider.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder require()s this signer, so it is CommonJS
const { spawnSync } = require('node:child_process')

exports.default = async function sign(configuration) {
  const template = process.env.COUNTER_SIGN_COMMAND
  if (!template) throw new Error('COUNTER_SIGN_COMMAND is not set')
  const command = template.split('{file}').join(`"${configuration.path}"`)
  const r = spawnSync(command, { shell: true, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`signing failed (${r.status}) for ${configuration.path}`)
}
