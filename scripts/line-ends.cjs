// Preload (node --require) that sets the line end a Node program writes: LINE_ENDS=crlf makes
// os.EOL '\r\n', as on a Windows runner (so @actions/core ends its commands, outputs and summary
// lines with CRLF), LINE_ENDS=lf makes it '\n'. The tests use it to compare the two on any machine.
const os = require('node:os')
const ends = { crlf: '\r\n', lf: '\n' }[process.env.LINE_ENDS]
if (ends) Object.defineProperty(os, 'EOL', { value: ends })
