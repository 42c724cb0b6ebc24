// Preload (node --require) that makes a Node program, npm included, believe it runs on another
// platform: AS_PLATFORM=darwin AS_ARCH=arm64. Used to check that `npm ci` installs on every
// platform the CI matrix names, from a Linux machine. npm's --os/--cpu flags only pick optional
// packages and do not reproduce an EBADPLATFORM failure; this does.
const platform = process.env.AS_PLATFORM
const arch = process.env.AS_ARCH
if (platform) Object.defineProperty(process, 'platform', { value: platform })
if (arch) Object.defineProperty(process, 'arch', { value: arch })
