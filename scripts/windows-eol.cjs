// Preload (node --require) that gives a Node program Windows line ends: os.EOL is '\r\n', as it is
// on a Windows runner, so @actions/core ends its commands, outputs and summary lines with CRLF.
// The tests use it to read what the action writes on Windows from any machine.
const os = require('node:os')
Object.defineProperty(os, 'EOL', { value: '\r\n' })
