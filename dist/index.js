import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./build/src/errors.js
/**
 * An expected failure: its message is the one line the user reads, so it says what went wrong and
 * what to do. Anything that is not an ActionError is a bug and keeps its stack.
 */
class ActionError extends Error {
    name = 'ActionError';
}
/** The run was cancelled (SIGINT/SIGTERM from the runner); the go-live keeps running on the service. */
class Cancelled extends Error {
    name = 'Cancelled';
    constructor() {
        super('cancelled');
    }
}
/** A failure worth trying again: a network fault, a throttled or unavailable service, a broken body. */
class TransientError extends Error {
    retryAfterMs;
    name = 'TransientError';
    constructor(message, 
    /** Milliseconds the service asked us to wait (Retry-After), if it did. */
    retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * A request that must not run twice was throttled (429: the service did not act on it). Its caller
 * waits, looks at what the service did meanwhile (another run may have done the same thing), and
 * only then sends it again.
 */
class Throttled extends TransientError {
    name = 'Throttled';
}
/** A request that kept failing transiently until its retry budget ran out. A poll loop may go on. */
class GaveUp extends ActionError {
    name = 'GaveUp';
}
/** The service says the thing read does not exist (HTTP 404): right after a start, maybe not yet. */
class NotFound extends ActionError {
    name = 'NotFound';
}
/** A request that must not be repeated blindly failed in a way that may have reached the service. */
class MaybeSent extends Error {
    retryAfterMs;
    name = 'MaybeSent';
    constructor(message, 
    /** Milliseconds the service asked to wait before the request goes again (Retry-After), if it did. */
    retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * The service refused the operation the run follows (it ended without acting): the step fails with
 * this line, the service's own words in it, and the operation's last read as its status.
 */
class Refused extends ActionError {
    op;
    name = 'Refused';
    constructor(message, op) {
        super(message);
        this.op = op;
    }
}

;// CONCATENATED MODULE: ./build/src/duration.js

/** Node's timers hold at most 2^31 - 1 ms; a longer delay would fire at once, again and again. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `500ms`, `30s`, `5m`, `2h`, `1.5h`; a bare number is seconds. */
function parseDuration(text, inputName) {
    const match = /^(\d{1,12}(?:\.\d{1,6})?)\s*(ms|s|m|h)?$/.exec(text.trim());
    if (!match) {
        throw new ActionError(`Input '${inputName}' is '${text}', which is not a duration: use a number with an optional unit ms, s, m or h, e.g. 30s, 5m or 2h.`);
    }
    const ms = Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's']);
    if (ms <= 0) {
        throw new ActionError(`Input '${inputName}' must be longer than zero (it is '${text}').`);
    }
    if (ms > MAX_TIMER_MS) {
        throw new ActionError(`Input '${inputName}' is '${text}', longer than the action can wait: at most 24 days (576h).`);
    }
    return ms;
}
/** A short human duration: `850ms`, `42s`, `3m 20s`, `2h 5m`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return s > 0 ? `${m}m ${s}s` : `${m}m`;
    return `${s}s`;
}

;// CONCATENATED MODULE: ./build/src/clock.js


const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new Cancelled());
        // Longer than a timer holds: Node would fire it at once, turning a wait into a busy loop.
        if (!(ms <= MAX_TIMER_MS))
            return reject(new RangeError(`cannot sleep ${ms} ms`));
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Cancelled());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** Rejects with Cancelled when `signal` aborts; otherwise settles as `work` does. */
function cancellable(work, signal) {
    if (!signal)
        return work;
    if (signal.aborted)
        return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new Cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./stubs/undici/index.js
// See package.json: the only import of undici in the action's dependencies is ProxyAgent, in a path
// the action never takes. If it ever were taken, it fails loudly instead of silently skipping a proxy.
class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled with this action: @actions/http-client getAgentDispatcher() is not supported',
    )
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./build/src/stages.js
/**
 * The stages a run can take an offer to, as data: what each is called and how a later run picks it
 * up. A new stage is an entry here and one file per API (each API's `stages` table), not a branch
 * in the shared flow.
 */
const STAGES = {
    live: {
        noun: 'go-live',
        /** For the `target` input's message. */
        does: 'put the newest preview live',
        /** The inputs a later run needs besides operation-location to follow it. */
        resumeInputs: '',
    },
    preview: {
        noun: 'preview publish',
        does: 'publish the draft to preview',
        resumeInputs: 'target: preview and ',
    },
};
const STAGE_NAMES = Object.keys(STAGES);
/** What the log and the summary call the operation of each stage. */
const noun = (stage = 'live') => STAGES[stage].noun;

;// CONCATENATED MODULE: ./build/src/service.js


/** Where a person can open the offer: its page in Partner Center (the API URLs need a token). */
const PARTNER_CENTER = 'https://partner.microsoft.com/dashboard/commercial-marketplace';
/** A real run carries the decision out: the refusal fails the step, a follow is said, a send is sent. */
async function act(decision, log) {
    switch (decision.kind) {
        case 'refuse':
            throw new ActionError(decision.line);
        case 'follow':
            log(decision.line);
            return decision.tracked;
        case 'send':
            return decision.send();
    }
}
/** A cancel that came after the operation ended, or that the service no longer accepts. */
class TooLate extends ActionError {
    op;
    name = 'TooLate';
    constructor(message, op) {
        super(message);
        this.op = op;
    }
}
/** What the log and the summary call the operation of each stage. */
const NOUN = Object.fromEntries(STAGE_NAMES.map((s) => [s, STAGES[s].noun]));
/** The adapter of the run's stage on its API. */
const connect = (api, deps) => api.stages[deps.settings.target](deps);
/**
 * Right after a go-live starts, the service may list it only after a while: look again every
 * `everyMs` until `look` finds it or `forMs` has passed. Undefined when it never did.
 */
async function lookAgain(look, { clock, signal, forMs, everyMs }) {
    const until = clock.now() + forMs;
    for (;;) {
        const found = await look();
        if (found !== undefined)
            return found;
        const left = until - clock.now();
        if (left <= 0)
            return undefined;
        await clock.sleep(Math.min(everyMs, left), signal);
    }
}
/** How long to keep looking for a go-live the service has not listed yet: two minutes, within `timeout`. */
function lookBudget(settings) {
    return { forMs: Math.min(120_000, settings.timeoutMs), everyMs: Math.min(10_000, settings.pollIntervalMs) };
}

;// CONCATENATED MODULE: ./build/src/sanitize.js
/**
 * The one sanitiser. Text from the network (and anything built from it) is hostile until it has
 * been through here: `forLog` makes it inert for the runner, which parses every stdout line for
 * workflow commands; `forMarkdown` makes it inert for the job summary; `linkTarget` admits only
 * URLs the action validated. Every step is linear in the length of the text, which is cut first.
 */
/** Longest line of service text the log shows: longer text is cut before anything processes it. */
const MAX_LINE = 2000;
/**
 * An e-mail address, with `@` in its common encodings. Bounded quantifiers keep the search linear:
 * a local part of at most 64 characters, at most 8 domain labels of at most 63. No `i` flag:
 * `\p{L}` has both cases already, and case-folding it makes the pattern slow to compile.
 */
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}(?:@|＠|%40|&#0*64;|&#[xX]0*40;|&commat;|\\u0040|\\x40|\s?[([{]\s?[aA][tT]\s?[)\]}]\s?)(?:[\p{L}\p{N}-]{1,63}(?:\.|\s?[([{]\s?[dD][oO][tT]\s?[)\]}]\s?)){1,8}\p{L}{2,63}/gu;
/** Whatever could be the `@` of an address: a cheap test, so most text never meets EMAIL. */
const AT = /[@＠]|%40|&#|&commat;|\\u0040|\\x40|[([{]\s?[aA][tT]\s?[)\]}]/;
function redactEmails(text) {
    return AT.test(text) ? text.replace(EMAIL, '[e-mail redacted]') : text;
}
/** Line breaks the runner splits on, other C0/C1 controls, and Unicode line and paragraph separators. */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * One line, safe to print: bounded, no line breaks or control characters, no e-mail address, no
 * `##[` anywhere (the runner's legacy parser finds it mid-line) and no `::` at its start (where
 * the current parser looks, after leading white space).
 */
function forLog(text, max = MAX_LINE) {
    const cut = text.length > max ? `${text.slice(0, max)}...` : text;
    return redactEmails(cut.replace(BREAKS, ' '))
        .replace(/##\[/g, '## [')
        .replace(/^(\s*):(?=:)/, '$1: ');
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
/** Plain, single-line, redacted and bounded text from the service's `messageHtml`. */
function clean(html) {
    const text = html
        .slice(0, MAX_LINE * 2)
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^<>]*>/g, '')
        .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name) => ENTITIES[name])
        .replace(/\s+/g, ' ')
        .trim();
    const redacted = redactEmails(text);
    return redacted.length > 500 ? `${redacted.slice(0, 497)}...` : redacted;
}
/**
 * Inert Markdown for a table cell or a line of the summary: every character that could start a
 * link, an image, emphasis, a heading, HTML, math (`$`) or an autolink (`:` of `https://`, `.` of
 * `www.`) is written as an HTML entity, which GitHub shows as the character itself.
 */
function forMarkdown(text, max = MAX_LINE) {
    return forLog(text, max)
        .replace(/[\\`*_[\]()<>#!|~:&@$]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/(www)\./gi, '$1&#46;');
}
/**
 * A URL the summary may link to: absolute http(s) only, no credentials, no e-mail address, and
 * encoded so that it cannot end the Markdown link early; with `hosts`, only on those domains.
 * Undefined for anything else.
 */
function linkTarget(text, hosts) {
    if (text.length > MAX_LINE || !/^https?:\/\//i.test(text))
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return undefined;
    }
    if (url.username || url.password || redactEmails(decodeSafely(url.href)) !== decodeSafely(url.href))
        return undefined;
    if (hosts &&
        (url.protocol !== 'https:' || !hosts.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`)))) {
        return undefined;
    }
    return url.href.replace(/[()<>"'\s\\`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/**
 * Every escape that decodes, decoded, even beside one that does not: a malformed `%` elsewhere must
 * not leave an encoded address unread.
 */
function decodeSafely(text) {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
        try {
            return decodeURIComponent(run);
        }
        catch {
            return run;
        }
    });
}

;// CONCATENATED MODULE: ./build/src/answer.js

function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
const MAX_DETAILS = 10;
/**
 * ` (code: message; inner code: inner message)` from an error body `{"error":{"code","message",
 * "details":[…]}}` (nested `details` as the Product Ingestion API sends them for a schema that
 * failed validation), bounded in count and length; or nothing.
 */
function errorDetail(body) {
    const parts = [];
    const visit = (error, depth) => {
        if (typeof error !== 'object' || error === null || parts.length >= MAX_DETAILS)
            return;
        const { code, message, details } = error;
        const text = [
            typeof code === 'string' ? code.slice(0, 100) : '',
            typeof message === 'string' ? message.slice(0, 300) : '',
        ]
            .filter(Boolean)
            .join(': ');
        if (text && !parts.includes(text))
            parts.push(text);
        if (Array.isArray(details) && depth < 3)
            for (const inner of details.slice(0, MAX_DETAILS))
                visit(inner, depth + 1);
    };
    visit(body?.error, 0);
    return parts.length ? ` (${redactEmails(parts.join('; '))})` : '';
}

;// CONCATENATED MODULE: ./build/src/write-once.js
/**
 * The one way the action sends a write (a go-live or publish POST, a draft PUT): at most once in
 * effect. The HTTP client never repeats such a request itself; here, after an answer that may mean
 * the service acted (a cut connection, a gateway's 5xx, a 2xx without a readable body) or one that
 * asks to slow down (429), the stage looks at what the service did before the write goes again,
 * and the wait before it goes again honours the service's Retry-After, whatever the status.
 */

async function writeOnce(deps, write) {
    const { http, clock, signal } = deps;
    const since = clock.now();
    const failed = [];
    let unanswered = 0;
    for (;;) {
        try {
            return { kind: 'answered', response: await write.send() };
        }
        catch (error) {
            if (!(error instanceof MaybeSent || error instanceof Throttled))
                throw error;
            const answeredAt = clock.now();
            const throttled = error instanceof Throttled;
            failed.push(error.message);
            const wait = http.retryWait(failed, error.retryAfterMs, since, write.purpose);
            // A throttled write is looked after only once the wait asked for has passed: the service did
            // not act on it, and what it shows earlier may change before the write could go again.
            if (throttled)
                await clock.sleep(wait, signal);
            const found = await write.look({ throttled, reason: error.message });
            if (found)
                return { kind: 'found', tracked: found };
            if (throttled)
                continue;
            unanswered++;
            if (write.maxUnanswered !== undefined && unanswered >= write.maxUnanswered) {
                throw new ActionError(write.exhausted?.(unanswered, error.message) ?? `Could not ${write.purpose}.`);
            }
            // Never before the time the service asked for, counted from its answer.
            await clock.sleep(Math.max(0, wait - (clock.now() - answeredAt)), signal);
        }
    }
}

;// CONCATENATED MODULE: ./build/src/ids.js

/**
 * The one check of an id the action takes from an answer or an input: it goes into a URL path and
 * is written exactly as the `operation-id` output, so it must be one that needs no cleaning (no
 * line break, space or control character, no address, at most 500 characters). The Product
 * Ingestion API's documented id forms (GUIDs, digits) pass it by construction.
 */
function isUsableId(id) {
    return id !== '' && id.length <= 500 && !/[\p{Cc}\s]/u.test(id) && redactEmails(id) === id;
}

;// CONCATENATED MODULE: ./build/src/session.js


/**
 * Requests to a marketplace API: the bearer token (to base-url's origin only), the version
 * parameter, and one renewal of the token on a 401 where that is possible.
 */
class Session {
    http;
    credentials;
    options;
    constructor(http, credentials, options) {
        this.http = http;
        this.credentials = credentials;
        this.options = options;
    }
    /**
     * `send`, and any answer but a 2xx becomes the one line that explains it; with `missing`, a 404
     * is a NotFound that names what does not exist (right after a start, it may not exist yet).
     */
    async ok(request) {
        const response = await this.send(request);
        if (response.status === 404 && request.missing) {
            throw new NotFound(`Could not ${request.purpose}: HTTP 404${errorDetail(response.json)}; ${request.missing} does not exist.`);
        }
        this.check(response, request.purpose);
        return response;
    }
    check(response, purpose) {
        if (response.status >= 200 && response.status < 300)
            return;
        throw new ActionError(this.options.explain(response.status, errorDetail(response.json), purpose));
    }
    /** The request as `send` would send it (its version parameter added), for a dry run to print. */
    planned(request) {
        return { method: 'POST', url: this.options.versioned(request.url), body: request.body ?? '' };
    }
    async send(request) {
        const { origin, versioned, explain401 } = this.options;
        if (request.url.origin !== origin) {
            throw new ActionError(`Refused to send the token to ${request.url.origin}: it goes to base-url's origin ${origin} only.`);
        }
        const attempt = async () => this.http.request({
            method: request.method,
            url: versioned(request.url),
            headers: { Authorization: `Bearer ${await this.credentials.token()}` },
            body: request.body,
            purpose: request.purpose,
            expectJson: request.expectJson,
            repeatable: request.repeatable,
            check: 'base-url',
        });
        const response = await attempt();
        if (response.status !== 401)
            return response;
        if (!(await this.credentials.renew())) {
            throw new ActionError(explain401(request.purpose, errorDetail(response.json), false));
        }
        const retried = await attempt();
        if (retried.status === 401)
            throw new ActionError(explain401(request.purpose, errorDetail(retried.json), true));
        return retried;
    }
}

;// CONCATENATED MODULE: ./build/src/url.js

/** Loopback hosts are the only ones where plain http and very short poll intervals are allowed. */
function isLoopback(url) {
    const host = url.hostname;
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
/**
 * Checks a service root given as an input (`base-url`, `authority-host`): https, or http on a
 * loopback host; no credentials, query or fragment. Returns it without a trailing slash.
 */
function parseServiceUrl(text, inputName) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        throw new ActionError(`Input '${inputName}' is '${text}', which is not a URL: give one such as https://cloudpartner.azure.com.`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
        const fixed = url.host ? `https://${url.host}${url.pathname.replace(/\/+$/, '')}` : 'an https URL';
        throw new ActionError(`Input '${inputName}' is '${text.trim()}', which is not https: use ${fixed} (plain http is allowed only for localhost).`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new ActionError(`Input '${inputName}' must be a plain host URL without credentials, query or fragment.`);
    }
    url.pathname = url.pathname.replace(/\/+$/, '');
    return url;
}
/** The URL of `path` under a service root, with the root's own path prefix kept. */
function under(root, path) {
    const url = new URL(root.href);
    url.pathname = `${root.pathname.replace(/\/+$/, '')}${path}`;
    return url;
}
/** Adds a query parameter unless the URL carries it already (operation URLs from the service do). */
function withQuery(url, name, value) {
    const out = new URL(url.href);
    if (out.searchParams.has(name))
        return out;
    // Written as the APIs document it: `$version`, not `%24version`.
    const pair = `${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`;
    out.search = out.search ? `${out.search}&${pair}` : `?${pair}`;
    return out;
}
/**
 * A URL the service or the user gave, on base-url's origin only (the token goes wherever it
 * points). A path relative to the host keeps base-url's own path prefix (a gateway's, say).
 */
function resolveUnder(value, baseUrl, source) {
    const text = value.trim();
    let url;
    try {
        url = new URL(text, baseUrl.origin);
    }
    catch {
        throw new ActionError(`The ${source} '${value}' is not a URL.`);
    }
    if (url.origin !== baseUrl.origin) {
        throw new ActionError(`Refused the ${source} ${url.origin}${url.pathname}: it is not on base-url's origin ${baseUrl.origin}, and the token is sent to that origin only.`);
    }
    // The origin leaves user:password@ out: checked apart, and never printed.
    if (url.username || url.password) {
        throw new ActionError(`Refused the ${source} ${url.origin}${url.pathname}: it carries credentials (user:password@ before the host), which the action never sends or prints.`);
    }
    const prefix = baseUrl.pathname.replace(/\/+$/, '');
    if (prefix && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !url.pathname.startsWith(`${prefix}/`)) {
        url.pathname = `${prefix}${url.pathname}`;
    }
    url.hash = '';
    return url;
}

;// CONCATENATED MODULE: ./build/src/json.js
/** Reading JSON answers of unknown shape: every adapter's parser goes through these. */
/** Longest string kept from any field of an answer: longer text is cut before anything processes it. */
const MAX_FIELD = 4000;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A string or number field as text, cut to MAX_FIELD; anything else is empty. */
function str(value) {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    return text.length > MAX_FIELD ? text.slice(0, MAX_FIELD) : text;
}
/** For messages about an answer of the wrong shape: what it was, without quoting its content. */
function describeShape(body) {
    if (Array.isArray(body))
        return `an array of ${body.length}`;
    if (body === null)
        return 'null';
    if (isRecord(body)) {
        const keys = Object.keys(body)
            .slice(0, 5)
            .map((k) => (/^[\w$@.-]{1,40}$/.test(k) ? k : '?'));
        return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
    }
    return `a ${typeof body}`;
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/urls.js
/** The Cloud Partner Portal's operation URLs: what settings and the adapters accept to follow. */



const RESOURCE = 'https://cloudpartner.azure.com';
/**
 * The operation URL from a 202 or an input, followed as the service gave it (the non-migrated
 * `/api/operations/{p}${o}$2$preview` form included), on base-url's origin only.
 */
function resolveOperationUrl(value, baseUrl, source) {
    const url = resolveUnder(value, baseUrl, source);
    if (!/\/operations\/[^/]+$/.test(url.pathname)) {
        throw new ActionError(`The ${source} ${url.pathname} is not an operation URL: it should end in /operations/{operationId}.`);
    }
    // The id becomes the operation-id output, written exactly: it must be one that needs no cleaning.
    const id = operationId(url);
    if (!isUsableId(id)) {
        throw new UnusableLocation(`The ${source} names an operation id that no operation has (line breaks, spaces, an address or over 500 characters).`);
    }
    return url;
}
/** An operation URL on the right origin whose id cannot be one: the operation is found another way. */
class UnusableLocation extends ActionError {
    name = 'UnusableLocation';
}
/** The last path segment: a GUID, or a `$`-separated id for offers not yet migrated. */
function operationId(url) {
    const last = url.pathname.split('/').pop() ?? '';
    try {
        return decodeURIComponent(last);
    }
    catch {
        return last;
    }
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/parse.js
/** The Cloud Partner Portal's answers, read into the normalised model. Pure functions only. */




const squash = (value) => value.toLowerCase().replace(/[\s_-]/g, '');
const STATUS = {
    notstarted: 'notStarted',
    queued: 'notStarted',
    running: 'running',
    inprogress: 'running',
    completed: 'succeeded',
    complete: 'succeeded',
    succeeded: 'succeeded',
    success: 'succeeded',
    failed: 'failed',
    canceled: 'canceled',
    cancelled: 'canceled',
};
/**
 * Both vocabularies: the documented one ("not started", completed) and the one real clients meet.
 * A word the action does not know is not an end: the go-live is taken as still running.
 */
function normaliseStatus(raw) {
    const status = STATUS[squash(raw)];
    return status ? { status, known: true } : { status: 'running', known: false };
}
function stepState(raw) {
    switch (squash(raw)) {
        case 'complete':
        case 'completed':
        case 'succeeded':
            return 'done';
        case 'failed':
        case 'blocked':
        case 'rejected':
            return 'failed';
        case 'canceled':
        case 'cancelled':
            return 'canceled';
        case 'inprogress':
        case 'running':
            return 'running';
        default:
            return 'waiting';
    }
}
/** The documented example wraps the operation in a one-element array; the service sends an object. */
function parseOperation(body) {
    const value = Array.isArray(body) && body.length === 1 ? body[0] : body;
    if (!isRecord(value) || typeof value.status !== 'string') {
        throw new ActionError(`The operation status answer has an unexpected shape (${describeShape(body)}); expected an object with a "status".`);
    }
    const steps = Array.isArray(value.steps) ? value.steps.filter(isRecord).map(parseStep) : [];
    const messages = parseMessages(value.messages);
    const error = value.error;
    if (error !== undefined && error !== null) {
        const text = typeof error === 'string' ? str(error) : isRecord(error) ? str(error.message) || str(error.code) : '';
        if (text)
            messages.push({ text: clean(text), level: 'error' });
    }
    const rawStatus = clean(str(value.status));
    const { status, known } = normaliseStatus(rawStatus);
    return {
        status,
        rawStatus,
        ...(known ? {} : { unknownStatus: rawStatus }),
        steps,
        messages,
        previewLinks: parseLinks(value.previewLinks),
        liveLinks: parseLinks(value.liveLinks),
    };
}
/** The offer's submissions list: an array (or `{value: [...]}`); entries without an id are skipped. */
function parseSubmissions(body) {
    const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.value) ? body.value : undefined;
    if (!list) {
        throw new ActionError(`The submissions list has an unexpected shape (${describeShape(body)}); expected an array.`);
    }
    return list.filter(isRecord).flatMap((item) => {
        const id = str(item.id);
        if (!id)
            return [];
        return [
            {
                id,
                type: str(item.submissionType),
                state: str(item.submissionState) || str(item.status),
                slot: str(item.slot) || undefined,
                changedTime: str(item.changedTime) || undefined,
            },
        ];
    });
}
/** A submission whose operation is still going on. */
const isRunning = (s) => /^(running|inprogress|notstarted)$/.test(squash(s.state));
const inSlot = (slot) => (s) => s.slot?.toLowerCase() === slot;
/**
 * The operation of `slot` to follow: the running one, else the newest by `changedTime`, and
 * (`other`) any other operation running. Told by the slot, never by the unverified `submissionType`.
 */
function chooseBySlot(list, slot) {
    const mine = list.filter(inSlot(slot));
    const time = (s) => Date.parse(s.changedTime ?? '') || 0;
    return {
        running: mine.find(isRunning),
        latest: mine.reduce((a, b) => (a && time(a) >= time(b) ? a : b), undefined),
        other: list.find((s) => !inSlot(slot)(s) && isRunning(s)),
    };
}
/** The go-live to follow: the `production` entry that is running, else the newest. */
const chooseGoLive = (list) => chooseBySlot(list, 'production');
/**
 * An operation of `slot` another run (or a request of this one) started while this one could not
 * tell: the running one, else the newest that changed at or after `sinceMs` (this run's start).
 */
function startedSince(list, sinceMs, slot = 'production') {
    const { running, latest } = chooseBySlot(list, slot);
    if (running)
        return running;
    return latest && (Date.parse(latest.changedTime ?? '') || 0) >= sinceMs ? latest : undefined;
}
/** A go-live started since `sinceMs` (startedSince for the `production` slot). */
const goLiveSince = (list, sinceMs) => startedSince(list, sinceMs, 'production');
/**
 * What a preview publish of the offer means now: one running is followed, never started twice;
 * while a go-live runs the service allows no publish ("only one operation can have status
 * running at a time"), so the action refuses first, naming it.
 */
function planPublish(list, offerId) {
    const { running, other } = chooseBySlot(list, 'staging');
    if (running)
        return { kind: 'attach', publish: running };
    if (other) {
        const what = inSlot('production')(other) ? 'its go-live' : `a ${clean(other.type || 'different')} operation`;
        return {
            kind: 'refuse',
            reason: `Cannot publish offer '${offerId}' to preview: ${what} (operation ${clean(other.id)}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
        };
    }
    return { kind: 'publish' };
}
function parseOfferStatus(body) {
    if (!isRecord(body) || typeof body.status !== 'string')
        return undefined;
    return {
        status: clean(str(body.status)),
        steps: Array.isArray(body.steps) ? body.steps.filter(isRecord).map(parseStep) : [],
        previewLinks: parseLinks(body.previewLinks),
    };
}
const SIGNOFF = 'publishersignoff';
/** The sign-off step, by id (as documented) or by step name (as SUSE's tools match it). */
const isSignoff = (step) => squash(step.id) === SIGNOFF || squash(step.name) === SIGNOFF;
/**
 * A preview publish read: the operation stays `running` while it waits for the publisher, so its
 * end is told by its steps and the offer status. Ready: the sign-off step waiting for the
 * publisher's review, or the offer status `WaitingForPublisherReview` (status succeeded). Failed: a
 * blocked or rejected step, even while the operation still reads running. Signed off since: the
 * offer is live (`succeeded`), or its go-live is in progress.
 */
function previewStatus(op, offer) {
    if (op.status === 'failed' || op.status === 'canceled')
        return op;
    const stopped = op.steps.find((s) => s.state === 'failed' || s.state === 'canceled');
    if (stopped) {
        return {
            ...op,
            status: stopped.state === 'failed' ? 'failed' : 'canceled',
            rawStatus: `${op.rawStatus}; step '${stopped.name}' ${stopped.status}`,
            unknownStatus: undefined,
        };
    }
    const previewLinks = op.previewLinks.length ? op.previewLinks : (offer?.previewLinks ?? []);
    const signoff = op.steps.find(isSignoff) ?? offer?.steps.find(isSignoff);
    const offerWord = squash(offer?.status ?? '');
    if ((signoff && squash(signoff.status) === 'waitingforpublisherreview') ||
        offerWord === 'waitingforpublisherreview') {
        const rawStatus = `${op.rawStatus}; waiting for the publisher's review`;
        const stillRuns = op.status === 'running' || op.status === 'notStarted';
        return {
            ...op,
            status: 'succeeded',
            rawStatus,
            unknownStatus: undefined,
            preview: 'ready',
            previewLinks,
            stillRuns,
        };
    }
    if (signoff?.state === 'done' || op.status === 'succeeded') {
        const preview = offerWord === 'succeeded' ? 'live' : offerWord === 'running' ? 'going-live' : 'ready';
        return { ...op, status: 'succeeded', unknownStatus: undefined, preview, previewLinks };
    }
    return { ...op, previewLinks };
}
/** `publish running, goLive succeeded`: what a list held, for a message (at most five entries). */
function describeSubmissions(list) {
    if (list.length === 0)
        return 'the list is empty';
    const shown = list
        .slice(0, 5)
        .map((s) => `${clean(s.type || s.slot || 'untyped')} ${clean(s.state || 'without a state')}`);
    return `${list.length} listed: ${shown.join(', ')}${list.length > 5 ? ', ...' : ''}`;
}
function parseStep(raw, index) {
    const status = clean(str(raw.status)) || 'notStarted';
    const progress = typeof raw.progressPercentage === 'number' ? raw.progressPercentage : undefined;
    return {
        id: str(raw.id) || `step-${index}`,
        name: clean(str(raw.stepName) || str(raw.id) || `Step ${index + 1}`),
        status,
        state: stepState(status),
        progress,
        estimate: str(raw.estimatedTimeFrame) ? clean(str(raw.estimatedTimeFrame)) : undefined,
        messages: parseMessages(raw.messages),
    };
}
function parseMessages(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.filter(isRecord).flatMap((m) => {
        const text = clean(str(m.messageHtml) || str(m.messageText) || str(m.message));
        if (!text)
            return [];
        return [{ text, level: (str(m.level) || 'information').toLowerCase(), timestamp: str(m.timestamp) || undefined }];
    });
}
function parseLinks(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.flatMap((item) => {
        const url = typeof item === 'string' ? str(item) : isRecord(item) ? str(item.uri) || str(item.url) || str(item.href) : '';
        if (!/^https?:\/\//i.test(url))
            return [];
        const text = isRecord(item) ? clean(str(item.displayText) || str(item.text) || str(item.name)) : '';
        return [{ text: text || url, url: redactEmails(url) }];
    });
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/offer.js
/** What both Cloud Partner Portal stages use of an offer: one session, its paths, its submissions. */





/** Ids in paths: encoded, but `$` kept as the service writes it in operation ids. */
const segment = (id) => encodeURIComponent(id).replace(/%24/g, '$');
class Offer {
    deps;
    session;
    constructor(deps) {
        this.deps = deps;
        const { settings } = deps;
        this.session = new Session(deps.http, deps.credentials, {
            origin: settings.baseUrl.origin,
            versioned: (url) => withQuery(url, 'api-version', settings.apiVersion),
            explain401: (purpose, detail, renewed) => renewed
                ? `Could not ${purpose}: HTTP 401${detail} for a token just issued to ${deps.credentials.source}. Check that the app is registered as a user of publisher '${settings.publisherId}' in Partner Center (Account settings > User management).`
                : `Could not ${purpose}: HTTP 401${detail}. The token is invalid or has expired (CPP tokens live 60 to 90 minutes): pass a fresh one, or sign in with tenant-id and client-id so the action renews it.`,
            explain: (status, detail, purpose) => explainStatus(status, detail, purpose, settings),
        });
    }
    /** `{base}/api/publishers/{p}/offers/{o}{rest}` */
    url(rest) {
        const { publisherId, offerId, baseUrl } = this.deps.settings;
        return under(baseUrl, `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}${rest}`);
    }
    /** The whole list, filtered here: no source shows the service honouring a status filter. */
    async submissions() {
        const response = await this.session.ok({
            method: 'GET',
            url: this.url('/submissions'),
            purpose: "list the offer's submissions",
            expectJson: true,
        });
        return parseSubmissions(response.json);
    }
    async operation(location) {
        const response = await this.session.ok({
            method: 'GET',
            url: location,
            purpose: 'read the operation status',
            expectJson: true,
            missing: `operation ${location.href}`,
        });
        return parseOperation(response.json);
    }
    /** A preview publish's operation, read with the offer status: readiness shows in its steps or there. */
    async previewRead(location) {
        const op = await this.operation(location);
        if (op.status === 'failed' || op.status === 'canceled')
            return previewStatus(op);
        const answer = await this.session.send({
            method: 'GET',
            url: this.url('/status'),
            purpose: 'read the offer status',
            expectJson: true,
        });
        return previewStatus(op, answer.status === 200 ? parseOfferStatus(answer.json) : undefined);
    }
    /** `POST …/offers/{o}/cancel`: it cancels whatever operation runs on the offer. No body, as clients send it. */
    cancelRequest() {
        return this.session.planned({ url: this.url('/cancel') });
    }
    /**
     * Sends the cancel, then reads the operation once. The service answers 202 whether or not it
     * cancelled anything: only later reads of the operation tell.
     */
    async cancel(location, noun) {
        const { url } = this.cancelRequest();
        // A second cancel changes nothing: the client may send it again.
        const response = await this.session.send({ method: 'POST', url, purpose: `cancel the ${noun}`, body: '' });
        this.session.check(response, `cancel the ${noun}`);
        return this.operation(location);
    }
    /** The operation of a submission the list names; an id no operation can have is never followed. */
    operationUrl(id) {
        if (!isUsableId(id)) {
            throw new ActionError(`The offer's submissions list names an operation id that no operation has (line breaks, spaces, an address or over 500 characters); it is not followed. Check base-url, or pass the operation-location the starting run printed.`);
        }
        return this.url(`/operations/${segment(id)}`);
    }
}
function explainStatus(status, detail, purpose, target) {
    const failed = `Could not ${purpose}: HTTP ${status}${detail}`;
    const { publisherId, offerId } = target;
    switch (status) {
        case 400:
            return `${failed}. The service found the request malformed; fix the inputs named in the message (not retried).`;
        case 403:
            return `${failed}. The service principal has no access to publisher '${publisherId}': add the application as a user of the account in Partner Center (Account settings > User management), or check publisher-id.`;
        case 404:
            return `${failed}. Publisher '${publisherId}' or offer '${offerId}' does not exist: check publisher-id and offer-id.`;
        case 409:
            return `${failed}. Another operation is running on offer '${offerId}'; wait for it to end, then re-run.`;
        case 422:
            return `${failed}. The offer failed validation: fix it, publish it again, then go live.`;
        default:
            return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`;
    }
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/live.js
/**
 * Cloud Partner Portal, target live: decided from the submissions list (a go-live running is
 * followed, a preview still certifying refuses, nothing published since the last go-live starts
 * nothing), then the go-live POST, written at most once, and the operation it names.
 */







const changed = (s) => Date.parse(s?.changedTime ?? '') || 0;
class GoLive {
    deps;
    offer;
    /** When this run began: a go-live that changed since is a sibling run's (the same step run twice). */
    began;
    constructor(deps) {
        this.deps = deps;
        this.offer = new Offer(deps);
        this.began = deps.clock.now();
    }
    /**
     * From the submissions list: a go-live running is followed; a preview publish that runs is
     * gone live only once it waits for the publisher's sign-off (read from its operation and the
     * offer status), else the run is refused; a last go-live that succeeded after the last publish
     * means nothing new to put live. A 409 to the POST still finds a go-live the list did not show.
     */
    async decide() {
        const { offerId } = this.deps.settings;
        const list = await this.offer.submissions();
        const { running, other, latest } = chooseGoLive(list);
        if (running) {
            return {
                kind: 'follow',
                tracked: { location: this.offer.operationUrl(running.id), how: 'attached' },
                what: `follow the go-live already running (operation ${running.id}) instead of starting another`,
                line: `Attaching to the go-live already running (operation ${running.id}) instead of starting another.`,
            };
        }
        const sibling = goLiveSince(list, this.began);
        if (sibling) {
            return {
                kind: 'follow',
                tracked: { location: this.offer.operationUrl(sibling.id), how: 'attached' },
                what: `follow the go-live that started since this run began (operation ${sibling.id}) instead of starting another`,
                line: `Following the go-live that was started since this run began and has ended since (operation ${sibling.id}, ${sibling.state || 'state not given'}) instead of starting another.`,
            };
        }
        if (other && !(other.slot?.toLowerCase() === 'staging' && (await this.awaitsSignoff(other)))) {
            return { kind: 'refuse', line: this.busy(other) };
        }
        const published = chooseBySlot(list, 'staging').latest;
        if (!other && latest && normaliseStatus(latest.state).status === 'succeeded' && published) {
            if (changed(published) < changed(latest)) {
                return {
                    kind: 'follow',
                    tracked: { location: this.offer.operationUrl(latest.id), how: 'already-live' },
                    what: `start nothing: the offer is already live, and nothing was published to preview since its last go-live (operation ${latest.id})`,
                    line: `Offer '${offerId}' is already live: nothing was published to preview since its last go-live (operation ${latest.id}, ${latest.state}), so no go-live was started.`,
                };
            }
        }
        return {
            kind: 'send',
            what: other
                ? `start the go-live of the preview waiting for the publisher's sign-off (operation ${other.id})`
                : 'start the go-live',
            request: this.offer.session.planned({ url: this.offer.url('/golive') }),
            send: () => this.start(),
        };
    }
    /** The refusal while another operation holds the offer. */
    busy(other) {
        return `Cannot start the go-live: a ${other.type || 'different'} operation is already running on offer '${this.deps.settings.offerId}' (${this.offer.operationUrl(other.id).href}). Wait for it to end, then re-run this step.`;
    }
    /** A running preview publish that waits for the publisher's sign-off: what a go-live puts live. */
    async awaitsSignoff(publish) {
        const op = await this.offer.previewRead(this.offer.operationUrl(publish.id));
        return op.preview === 'ready';
    }
    cancelRequest() {
        return this.offer.cancelRequest();
    }
    cancel(location) {
        return this.offer.cancel(location, 'go-live');
    }
    async find() {
        const { running, latest } = chooseGoLive(await this.offer.submissions());
        const goLive = running ?? latest;
        if (!goLive)
            return undefined;
        this.deps.log(`Following the offer's ${running ? 'running' : 'last'} go-live (operation ${goLive.id}, ${goLive.state || 'state not given'}).`);
        return { location: this.offer.operationUrl(goLive.id), how: 'found' };
    }
    read(location) {
        return this.offer.operation(location);
    }
    /**
     * The go-live POST, written at most once (writeOnce): before it goes again, a go-live listed
     * (running, or changed since this run began) is the one this run or a sibling run started. A
     * 409, or a 202 that names no operation, is resolved from the list.
     */
    async start() {
        const { settings, log, clock } = this.deps;
        const since = clock.now();
        const purpose = 'start the go-live';
        const url = this.offer.url('/golive');
        const written = await writeOnce(this.deps, {
            purpose,
            // No body is documented; real clients send none.
            send: () => this.offer.session.send({ method: 'POST', url, purpose, body: '', repeatable: false }),
            look: async ({ throttled, reason }) => {
                const goLive = goLiveSince(await this.offer.submissions(), since);
                if (!goLive)
                    return undefined;
                log(`The go-live request ${throttled ? 'was throttled' : 'may have reached the service'} (${reason}): a go-live of offer '${settings.offerId}' is listed (operation ${goLive.id}, ${goLive.state || 'state not given'}); following it instead of sending the request again.`);
                return { location: this.offer.operationUrl(goLive.id), how: throttled ? 'attached' : 'started' };
            },
        });
        if (written.kind === 'found')
            return written.tracked;
        const { response } = written;
        let why;
        if (response.status === 409) {
            why = `The service answered 409 Conflict${errorDetail(response.json)}: an operation is already running on offer '${settings.offerId}'.`;
        }
        else {
            this.offer.session.check(response, purpose);
            const location = this.accepted(header(response.headers, 'operation-location') ?? header(response.headers, 'location'));
            if (location) {
                log(`Started the go-live of offer '${settings.offerId}': operation ${operationId(location)}.`);
                return { location, how: 'started' };
            }
            why = 'The service accepted the go-live but named no operation (no Operation-Location or Location header).';
        }
        log(`${why} Looking for it among the offer's submissions.`);
        return this.lookFor(since, why, response.status === 409 ? 'attached' : 'started');
    }
    /** The operation a 202 names; undefined for none, or one in a form no operation has. */
    accepted(value) {
        if (!value)
            return undefined;
        try {
            return resolveOperationUrl(value, this.deps.settings.baseUrl, 'operation location the service returned');
        }
        catch (error) {
            if (!(error instanceof UnusableLocation))
                throw error;
            return undefined;
        }
    }
    /** The go-live may be listed only a while after the POST: looked for before giving up. */
    async lookFor(since, why, how) {
        const { settings, log } = this.deps;
        let seen = [];
        const budget = lookBudget(settings);
        const found = await lookAgain(async () => {
            seen = await this.offer.submissions();
            // The go-live that answered 409 may have ended by the time it is listed: one since this run began is it.
            return goLiveSince(seen, since) ?? chooseGoLive(seen).other;
        }, { clock: this.deps.clock, signal: this.deps.signal, ...budget });
        if (found?.slot?.toLowerCase() === 'production') {
            log(isRunning(found)
                ? `Attaching to the go-live already running (operation ${found.id}) instead of starting another.`
                : `Following the go-live that was running then and has ended since (operation ${found.id}, ${found.state || 'state not given'}) instead of starting another.`);
            return { location: this.offer.operationUrl(found.id), how };
        }
        if (found) {
            throw new ActionError(this.busy(found));
        }
        throw new ActionError(`${why} No running go-live was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last go-live.`);
    }
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/preview.js
/**
 * Cloud Partner Portal, target preview: decided from the submissions list (a publish running is
 * followed, a go-live running refuses), then `POST …/publish` written at most once, and its
 * operation followed until the preview waits for the publisher's sign-off (ready to go live).
 */







class PreviewPublish {
    deps;
    offer;
    constructor(deps) {
        this.deps = deps;
        this.offer = new Offer(deps);
    }
    async decide() {
        return this.decision(planPublish(await this.offer.submissions(), this.deps.settings.offerId));
    }
    /** The plan as a decision: the publish request (its addresses in it), the publish to follow, or the refusal. */
    decision(plan) {
        if (plan.kind === 'refuse')
            return { kind: 'refuse', line: plan.reason };
        if (plan.kind === 'attach') {
            return {
                kind: 'follow',
                tracked: { location: this.offer.operationUrl(plan.publish.id), how: 'attached' },
                what: `follow the preview publish already running (operation ${plan.publish.id}) instead of starting another`,
                line: `A preview publish of offer '${this.deps.settings.offerId}' is already running (operation ${plan.publish.id}); following it instead of starting another.`,
            };
        }
        return {
            kind: 'send',
            what: 'publish the offer to preview',
            request: this.offer.session.planned({ url: this.offer.url('/publish'), body: this.body() }),
            send: () => this.publish(),
        };
    }
    /** `{"metadata":{}}` without addresses, as clients send it; the addresses are never logged. */
    body() {
        const emails = this.deps.settings.notificationEmails;
        return JSON.stringify({ metadata: emails.length ? { 'notification-emails': emails.join(',') } : {} });
    }
    cancelRequest() {
        return this.offer.cancelRequest();
    }
    cancel(location) {
        return this.offer.cancel(location, 'preview publish');
    }
    /** A decision other than a send, as a real run carries it out (a refusal is thrown). */
    follow(plan) {
        const decision = this.decision(plan);
        if (decision.kind === 'refuse')
            throw new ActionError(decision.line);
        if (decision.kind === 'follow')
            this.deps.log(decision.line);
        return decision.tracked;
    }
    async find() {
        const { running, latest } = chooseBySlot(await this.offer.submissions(), 'staging');
        const publish = running ?? latest;
        if (!publish)
            return undefined;
        this.deps.log(`Following the offer's ${running ? 'running' : 'last'} preview publish (operation ${publish.id}, ${publish.state || 'state not given'}).`);
        return { location: this.offer.operationUrl(publish.id), how: 'found' };
    }
    read(location) {
        return this.offer.previewRead(location);
    }
    /**
     * The publish POST, written at most once (writeOnce): before it goes again, a publish listed
     * since this run began is followed, and a go-live running refuses. A 409 is resolved from the list.
     */
    async publish() {
        const { settings, clock, log } = this.deps;
        const since = clock.now();
        const purpose = 'start the preview publish';
        const body = this.body();
        const url = this.offer.url('/publish');
        const written = await writeOnce(this.deps, {
            purpose,
            send: () => this.offer.session.send({ method: 'POST', url, purpose, body, repeatable: false }),
            look: async ({ throttled, reason }) => {
                const list = await this.offer.submissions();
                const publish = startedSince(list, since, 'staging');
                if (publish) {
                    log(`The preview publish request ${throttled ? 'was throttled' : 'may have reached the service'} (${reason}): a preview publish is listed (operation ${publish.id}); following it instead of sending the request again.`);
                    return { location: this.offer.operationUrl(publish.id), how: throttled ? 'attached' : 'started' };
                }
                const plan = planPublish(list, settings.offerId);
                if (plan.kind === 'refuse')
                    throw new ActionError(plan.reason);
                return undefined;
            },
        });
        if (written.kind === 'found')
            return written.tracked;
        const { response } = written;
        if (response.status === 409) {
            this.deps.log(`The service answered 409 Conflict${errorDetail(response.json)}: an operation is already running on offer '${settings.offerId}'. Looking for it among the offer's submissions.`);
            return this.lookFor(clock.now(), 'conflict');
        }
        this.offer.session.check(response, purpose);
        const value = header(response.headers, 'operation-location') ?? header(response.headers, 'location');
        let location;
        try {
            location = value
                ? resolveOperationUrl(value, settings.baseUrl, 'operation location the service returned')
                : undefined;
        }
        catch (error) {
            if (!(error instanceof UnusableLocation))
                throw error;
        }
        if (location) {
            log(`Started the preview publish of offer '${settings.offerId}': operation ${operationId(location)}.`);
            return { location, how: 'started' };
        }
        log("The service accepted the preview publish but named no usable operation; looking for it among the offer's submissions.");
        return this.lookFor(since, 'accepted');
    }
    /** The publish a 409 or an answer without a location left to find, for a while. */
    async lookFor(since, after) {
        const { settings, clock, signal } = this.deps;
        let seen = [];
        const budget = lookBudget(settings);
        const plan = await lookAgain(async () => {
            seen = await this.offer.submissions();
            if (after === 'accepted') {
                const publish = startedSince(seen, since, 'staging');
                if (publish)
                    return { kind: 'attach', publish };
            }
            const plan = planPublish(seen, settings.offerId);
            return plan.kind === 'publish' ? undefined : plan;
        }, { clock, signal, ...budget });
        if (plan?.kind === 'attach' && after === 'accepted') {
            this.deps.log(`Following the preview publish that request started (operation ${plan.publish.id}).`);
            return { location: this.offer.operationUrl(plan.publish.id), how: 'started' };
        }
        if (plan)
            return this.follow(plan);
        throw new ActionError(`${after === 'conflict' ? 'The service answered 409 Conflict to the preview publish' : 'The service accepted the preview publish but named no operation'}, and no running operation was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.`);
    }
}

;// CONCATENATED MODULE: ./build/src/cloud-partner-portal/api.js
/**
 * The Cloud Partner Portal API, for offers integrated with it before the move to Partner Center:
 * what settings need of it, and its two stages (live.ts, preview.ts).
 */





const cloudPartnerPortal = {
    name: 'cloud-partner-portal',
    title: 'Cloud Partner Portal',
    defaults: { 'base-url': RESOURCE, 'api-version': '2017-10-31' },
    tokenResource: RESOURCE,
    needsPublisher: true,
    operationUrl: resolveOperationUrl,
    operationId: operationId,
    // CPP operations do not name the offer's Partner Center id: the list of offers it is in.
    portalUrl: () => `${PARTNER_CENTER}/overview`,
    stages: { live: (deps) => new GoLive(deps), preview: (deps) => new PreviewPublish(deps) },
};

;// CONCATENATED MODULE: ./build/src/product-ingestion/urls.js
/** The Product Ingestion API's names: its resource, its followed URLs and id forms, its pages. */

const urls_RESOURCE = 'https://graph.microsoft.com';
const DEFAULT_VERSION = '2022-07-01';
/** The offer's page in Partner Center. */
const productPage = (guid) => `${PARTNER_CENTER}/offers/${guid}/overview`;
// The documented forms of the ids that go into URLs: a product's durable id `product/{guid}`, a
// submission's `submission/{guid}/{19 digits}`, a configure job's GUID. Anything else is refused
// before it reaches a path.
const PRODUCT_ID = /^product\/([A-Za-z0-9-]{1,64})$/;
const SUBMISSION_ID = /^submission\/([A-Za-z0-9-]{1,64})\/(\d{1,30})$/;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function parseFollowed(pathname) {
    const job = /\/configure\/([^/]+)\/status$/.exec(pathname);
    if (job && JOB_ID.test(job[1]))
        return { kind: 'job', jobId: job[1] };
    const sub = /\/submission\/([^/]+)\/([^/]+)$/.exec(pathname);
    if (sub && SUBMISSION_ID.test(`submission/${sub[1]}/${sub[2]}`))
        return { kind: 'submission', productGuid: sub[1], id: sub[2] };
    return undefined;
}

;// CONCATENATED MODULE: ./build/src/product-ingestion/parse.js
/** The Product Ingestion API's answers, read into the normalised model. Pure functions only. */





const lower = (text) => text.toLowerCase();
/**
 * The product GUID of offer `offerId` in one page of `GET product?externalId=…`: the product whose
 * `identity.externalId` is the offer id, compared without regard to case as the service matches. A
 * product of another offer is never taken, even first in the list (a filter a proxy dropped).
 */
function productGuid(body, offerId) {
    const match = listOf(body, 'The product lookup answer').find((item) => isRecord(item) && isRecord(item.identity) && lower(str(item.identity.externalId)) === lower(offerId));
    if (!isRecord(match))
        return undefined;
    const id = str(match.id);
    const guid = PRODUCT_ID.exec(id);
    if (!guid)
        throw new ActionError(`The product lookup answered an id that is not a product id ('${clean(id)}').`);
    return guid[1];
}
/** The next page of a list (`@nextLink`, as the service writes it; `nextLink` too), if any. */
function nextLink(body) {
    if (!isRecord(body))
        return undefined;
    const link = [body['@nextLink'], body.nextLink].find((value) => typeof value === 'string' && value !== '');
    return link === undefined ? undefined : str(link);
}
function listOf(body, what) {
    if (!isRecord(body) || !Array.isArray(body.value)) {
        throw new ActionError(`${what} has an unexpected shape (${describeShape(body)}); expected {"value": [...]}.`);
    }
    return body.value;
}
function parse_parseSubmissions(body) {
    return listOf(body, 'The submissions list')
        .filter(isRecord)
        .flatMap((item) => {
        const id = str(item.id);
        if (!SUBMISSION_ID.test(id))
            return [];
        const target = isRecord(item.target) ? lower(str(item.target.targetType)) : '';
        return [
            { id, target, status: str(item.status), result: str(item.result), created: str(item.created) || undefined },
        ];
    });
}
const inProgress = (s) => s.status !== '' && lower(s.status) !== 'completed';
const succeeded = (s) => lower(s.status) === 'completed' && lower(s.result) === 'succeeded';
const newestFirst = (list) => [...list].sort((a, b) => (Date.parse(b.created ?? '') || 0) - (Date.parse(a.created ?? '') || 0));
/**
 * What a go-live of this product means now. Never two: a live submission in progress is followed,
 * and a preview that is live already is not promoted again. Only the newest preview may go live
 * (the service refuses an older one as "not the latest submission"), and only once it succeeded.
 */
function planGoLive(list, offerId) {
    const lives = list.filter((s) => s.target === 'live');
    const running = lives.find(inProgress);
    if (running)
        return { kind: 'attach', live: running };
    const preview = newestFirst(list.filter((s) => s.target === 'preview'))[0];
    const name = `offer '${offerId}'`;
    if (!preview) {
        return {
            kind: 'refuse',
            reason: `Cannot go live: ${name} has no preview submission. Publish it to preview first, then go live.`,
        };
    }
    const id = submissionNumber(preview.id);
    if (inProgress(preview)) {
        return {
            kind: 'refuse',
            reason: `Cannot go live yet: the latest preview of ${name} (submission ${id}) is ${clean(preview.status)}. Wait for the preview to finish, then re-run.`,
        };
    }
    if (!succeeded(preview)) {
        return {
            kind: 'refuse',
            reason: `Cannot go live: the latest preview of ${name} (submission ${id}) ${clean(preview.result || 'did not succeed')}. Fix the offer and publish it to preview again, then go live.`,
        };
    }
    const live = lives.find((s) => s.id === preview.id && succeeded(s));
    if (live)
        return { kind: 'already-live', live };
    return { kind: 'promote', preview };
}
/**
 * What a preview publish of this product means now. A publish in progress is followed, never
 * started twice; while a go-live (or any other publish) is in progress the service would refuse a
 * new one ("An In Progress submission … already exists"), so the action refuses first.
 */
function planPreview(list, offerId) {
    const running = list.find(inProgress);
    if (running?.target === 'preview')
        return { kind: 'attach', preview: running };
    if (running) {
        const what = running.target === 'live' ? 'its go-live' : `a ${clean(running.target || 'publish')} publish`;
        return {
            kind: 'refuse',
            reason: `Cannot publish offer '${offerId}' to preview: ${what} (submission ${submissionNumber(running.id)}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
        };
    }
    const latest = newestPreview(list);
    return {
        kind: 'publish',
        latest: latest && succeeded(latest) ? latest : undefined,
        known: list.filter((s) => s.target === 'preview').map((s) => s.id),
    };
}
const newestPreview = (list) => newestFirst(list.filter((s) => s.target === 'preview'))[0];
/** The preview to follow without starting one: the preview publish in progress, else the newest. */
function choosePreview(list) {
    return list.find((s) => s.target === 'preview' && inProgress(s)) ?? newestPreview(list);
}
/**
 * The preview `preview` as an operation: its status, and once it succeeded whether it has gone
 * live since (a live entry of the same id: the ids "represent both Preview and Live").
 */
function previewOperation(list, preview) {
    const op = submissionOperation(preview);
    if (op.status === 'failed') {
        op.messages.push({
            text: `The preview publish of submission ${submissionNumber(preview.id)} failed: Partner Center shows why (the offer's certification report); fix the offer, then publish it to preview again`,
            level: 'error',
        });
    }
    if (op.status !== 'succeeded')
        return op;
    const live = chooseLive(list.filter((s) => s.id === preview.id));
    return { ...op, preview: !live ? 'ready' : inProgress(live) ? 'going-live' : succeeded(live) ? 'live' : 'ready' };
}
/**
 * A preview publish job that ended well, checked against the list: the new preview it made, its
 * entry still catching up (running), or, when the newest preview is one listed before the job
 * (`known`), nothing new: `unchanged` then names the existing preview reported instead.
 */
function confirmPreview(job, list, known) {
    if (job.status !== 'succeeded')
        return { op: job };
    const preview = newestPreview(list);
    if (!preview) {
        return {
            op: {
                ...job,
                status: 'failed',
                messages: [{ text: 'The preview job succeeded, but the offer lists no preview submission', level: 'error' }],
            },
        };
    }
    const op = previewOperation(list, preview);
    if (op.status !== 'succeeded' && op.status !== 'failed') {
        return { op: { ...op, rawStatus: `${job.rawStatus}; preview ${op.rawStatus}` }, preview };
    }
    return { op, preview, unchanged: known?.includes(preview.id) ?? false };
}
const CONTENT_SKIP = new Set(['target', 'validations', '$schema']);
/**
 * Whether two resource trees (`GET resource-tree/product/{guid}?targetType=draft|preview`) hold
 * the same content, the submission resources aside; undefined when either is not a tree, so the
 * action cannot tell.
 */
function sameContent(draft, preview) {
    const resources = (tree) => {
        if (!isRecord(tree) || !Array.isArray(tree.resources) || tree.resources.length === 0)
            return undefined;
        return tree.resources
            .filter((r) => !(isRecord(r) && /^submission\//.test(str(r.id))))
            .map((r) => canonical(r, true))
            .sort();
    };
    const a = resources(draft);
    const b = resources(preview);
    if (!a || !b)
        return undefined;
    return a.length === b.length && a.every((r, i) => r === b[i]);
}
/** JSON with its keys sorted (and, at a resource's top, the target-dependent ones left out). */
function canonical(value, top = false) {
    if (Array.isArray(value))
        return `[${value.map((v) => canonical(v)).join(',')}]`;
    if (!isRecord(value))
        return JSON.stringify(value) ?? 'null';
    const keys = Object.keys(value)
        .filter((k) => !(top && CONTENT_SKIP.has(k)))
        .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}
/** The go-live to follow without starting one: the live submission in progress, else the newest. */
function chooseLive(list) {
    const lives = list.filter((s) => s.target === 'live');
    return lives.find(inProgress) ?? newestFirst(lives)[0];
}
/**
 * The go-live of `preview` that a request which may have reached the service started: its live
 * entry in progress, or one that already succeeded (the plan promoted `preview` only because it
 * was not live: a succeeded live entry of it is this go-live, ended quickly).
 */
function startedGoLive(list, preview) {
    const lives = list.filter((s) => s.target === 'live' && s.id === preview.id);
    return lives.find(inProgress) ?? lives.find(succeeded);
}
/**
 * What holds the offer when the service refused a job with "An In Progress submission N already
 * exists.": the go-live of N (its live entry, running or ended since), or another publish of N
 * in progress (a preview), or nothing listed yet.
 */
function holder(list, n) {
    const mine = list.filter((s) => submissionNumber(s.id) === n);
    const live = chooseLive(mine);
    if (live)
        return { kind: 'go-live', live };
    const other = mine.find(inProgress);
    return other ? { kind: 'other', publish: other } : undefined;
}
/** `a go-live of submission N`, `a preview publish of submission N`: what holds the offer. */
function describeHolder(found, n) {
    return found?.kind === 'go-live'
        ? `a go-live of submission ${n}`
        : found?.kind === 'other'
            ? `a ${found.publish.target || 'publish'} publish of submission ${n}`
            : `a publish of submission ${n}`;
}
/** The submission number an "An In Progress submission N already exists." refusal names, if one does. */
function inProgressRefusal(op) {
    if (op.status !== 'failed')
        return undefined;
    for (const m of op.messages) {
        const match = IN_PROGRESS.exec(m.text);
        if (match)
            return match[1];
    }
    return undefined;
}
/** The service's own words of an in-progress refusal, quoted for the failure line. */
function serviceWords(op) {
    const said = op.messages.filter((m) => IN_PROGRESS.test(m.text)).map((m) => m.text);
    return said.map((text) => `"${text}"`).join(' ');
}
/** `1152921505698967817` from `submission/{guid}/1152921505698967817`. */
function submissionNumber(durableId) {
    return durableId.split('/').pop() ?? durableId;
}
/**
 * The job id of a configure answer: `jobId`, or `jobID` as newer documentation samples print it;
 * undefined when it names none in the documented form (a GUID), which then goes into no URL.
 */
function jobId(body) {
    const id = isRecord(body) ? str(body.jobId) || str(body.jobID) : '';
    return JOB_ID.test(id) ? id : undefined;
}
const JOB_STATUS = { notstarted: 'notStarted', running: 'running' };
const JOB_RESULT = {
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'canceled',
    canceled: 'canceled',
};
/** A configure job's status: `jobStatus` until `completed`, then `jobResult`, in any casing. */
function jobOperation(body) {
    if (!isRecord(body) || typeof body.jobStatus !== 'string') {
        throw new ActionError(`The job status answer has an unexpected shape (${describeShape(body)}); expected a "jobStatus".`);
    }
    const jobStatus = clean(str(body.jobStatus));
    const jobResult = clean(str(body.jobResult));
    return normalised(jobStatus, jobResult, Array.isArray(body.errors) ? errorMessages(body.errors) : []);
}
/** A live submission as an operation: its `status` until `completed`, then its `result`. */
function submissionOperation(submission) {
    return normalised(clean(submission.status || 'notStarted'), clean(submission.result), []);
}
function normalised(status, result, messages) {
    const done = lower(status) === 'completed';
    const rawStatus = done ? `${status} (${result || 'no result'})` : status;
    const mapped = done ? JOB_RESULT[lower(result)] : JOB_STATUS[lower(status)];
    const base = { rawStatus, steps: [], messages, previewLinks: [], liveLinks: [] };
    return mapped ? { status: mapped, ...base } : { status: 'running', unknownStatus: rawStatus, ...base };
}
const IN_PROGRESS = /An In Progress submission (\d{1,30})? ?already exists/i;
/** Known failures, and what to do about each. */
const HINTS = [
    [
        /not the latest submission/i,
        'only the newest preview can go live: publish the latest changes to preview, wait for it to finish, then re-run',
    ],
    [IN_PROGRESS, 'another publish is running on this offer: wait for it to end (start: false follows it), then re-run'],
    [
        /certification/i,
        'the offer failed certification: read the certification report in Partner Center, fix the offer, publish it to preview, then go live',
    ],
];
const MAX_ERRORS = 50;
const MAX_DEPTH = 5;
/** Every error of a failed job, nested `details` included, as one message each, hints added. */
function errorMessages(errors) {
    const out = [];
    // Each hint once, on the first error it explains: nested errors often repeat one cause.
    const hinted = new Set();
    const visit = (list, depth) => {
        for (const e of list.slice(0, MAX_ERRORS)) {
            if (out.length >= MAX_ERRORS || !isRecord(e))
                continue;
            const text = clean([str(e.code), str(e.message)].filter(Boolean).join(': '));
            if (text) {
                const hint = HINTS.find(([pattern]) => pattern.test(text))?.[1];
                const fresh = hint !== undefined && !hinted.has(hint);
                if (fresh)
                    hinted.add(hint);
                out.push({ text: fresh ? `${text} (${hint})` : text, level: 'error' });
            }
            if (Array.isArray(e.details) && depth < MAX_DEPTH)
                visit(e.details, depth + 1);
        }
    };
    visit(errors, 0);
    return out;
}

;// CONCATENATED MODULE: ./build/src/product-ingestion/account.js
/** What both Product Ingestion stages read of an offer: its product, its submissions, their URLs. */










const SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema';
/** Later submission schemas made `sources` required; the configure bodies do not carry it. */
const SUBMISSION_SCHEMA = `${SCHEMA_HOST}/submission/2022-03-01-preview2`;
/** A configure POST that may have reached the service is sent this often at most. */
const MAX_POSTS = 3;
/** Pages of one list the action reads at most (`@nextLink`): far more than an offer has. */
const MAX_PAGES = 20;
/** The offer's account on the service: one session, the product lookup and its lists. */
class Account {
    deps;
    session;
    guid;
    constructor(deps) {
        this.deps = deps;
        const { settings } = deps;
        this.session = new Session(deps.http, deps.credentials, {
            origin: settings.baseUrl.origin,
            versioned: (url) => withQuery(url, '$version', settings.apiVersion),
            explain401: (purpose, detail, renewed) => `Could not ${purpose}: HTTP 401${detail}. ${renewed
                ? `A token just issued to ${deps.credentials.source} was refused: check that it is issued for ${urls_RESOURCE} and that the app is added in Partner Center (Account settings > User management > Azure AD applications).`
                : `The token must be issued for ${urls_RESOURCE} (scope ${urls_RESOURCE}/.default) and unexpired: pass a fresh one, or sign in with tenant-id and client-id so the action gets and renews it.`}`,
            explain: account_explainStatus,
        });
    }
    /** The product GUID of offer-id: the product whose identity.externalId it is. */
    async product() {
        if (this.guid)
            return this.guid;
        const { offerId, baseUrl } = this.deps.settings;
        const url = under(baseUrl, '/product');
        url.searchParams.set('externalId', offerId);
        let guid;
        await this.pages(url, `find offer '${offerId}'`, (body) => (guid = productGuid(body, offerId)) !== undefined);
        if (!guid) {
            throw new ActionError(`No offer with the id '${offerId}' in the Partner Center account of this app: check offer-id (the offer id shown in Partner Center). Offers still served by the Cloud Partner Portal need api: cloud-partner-portal.`);
        }
        return (this.guid = guid);
    }
    async submissions(guid) {
        const list = [];
        await this.pages(under(this.deps.settings.baseUrl, `/submission/${guid}`), "list the offer's submissions", (body) => {
            list.push(...parse_parseSubmissions(body));
            return false;
        });
        return list;
    }
    /**
     * What holds the offer when the service refused a job with "An In Progress submission N already
     * exists.": looked for a while, as the list may lag behind the service's own guard.
     */
    holderOf(guid, n) {
        return lookAgain(async () => holder(await this.submissions(guid), n), {
            clock: this.deps.clock,
            signal: this.deps.signal,
            ...lookBudget(this.deps.settings),
        });
    }
    /**
     * Reads a list page by page through `@nextLink` (on base-url's origin only, so the token goes
     * nowhere else) until `take` says it has what it wants, or the list ends; at most MAX_PAGES.
     */
    async pages(first, purpose, take) {
        let url = first;
        for (let page = 1;; page++) {
            const response = await this.session.ok({ method: 'GET', url, purpose, expectJson: true });
            if (take(response.json))
                return;
            const next = nextLink(response.json);
            if (!next)
                return;
            if (page >= MAX_PAGES) {
                throw new ActionError(`Could not ${purpose}: the list goes on past ${MAX_PAGES} pages, more than any offer has. Check base-url; re-run if the service was in trouble.`);
            }
            url = resolveUnder(next, this.deps.settings.baseUrl, 'next page link the service returned');
        }
    }
    /** `POST configure` with one submission resource, as it would be sent: what a dry run prints. */
    configureRequest(resource) {
        const { settings } = this.deps;
        return this.session.planned({
            url: under(settings.baseUrl, '/configure'),
            body: JSON.stringify({
                $schema: `${SCHEMA_HOST}/configure/${settings.apiVersion}`,
                resources: [{ $schema: SUBMISSION_SCHEMA, ...resource }],
            }),
        });
    }
    /** `POST configure` with one submission resource, never repeated by the client itself. */
    configure(resource, purpose) {
        const { url, body } = this.configureRequest(resource);
        return this.session.send({ method: 'POST', url, purpose, body, expectJson: true, repeatable: false });
    }
    /**
     * `POST configure` written at most once (writeOnce). After a 429 the stage decides again
     * (`replan`: what to follow instead, else undefined to send again); after an answer that may
     * have reached the service, or an accepted one that names no job, it looks for what the request
     * may have started (`lookFor`) before anything else, and sends it MAX_POSTS times at most.
     */
    async configureOnce(resource, how) {
        const { settings, log } = this.deps;
        const purpose = `start the ${how.noun}`;
        const written = await writeOnce(this.deps, {
            purpose,
            send: () => this.configure(resource, purpose),
            look: async ({ throttled, reason }) => {
                // Not acted on; meanwhile another run may have done the same: decide again.
                if (throttled)
                    return how.replan();
                log(`The ${how.noun} request may have reached the service (${reason}); looking for the ${how.noun} before sending it again.`);
                return how.lookFor();
            },
            maxUnanswered: MAX_POSTS,
            exhausted: (count, reason) => `Could not ${purpose}: ${count} requests failed before an answer (${reason}), and no ${how.noun} was listed within ${formatDuration(lookBudget(settings).forMs)}. Re-run this step; it will not start a second ${how.noun}.`,
        });
        if (written.kind === 'found')
            return written.tracked;
        const { response } = written;
        this.session.check(response, purpose);
        const id = jobId(response.json);
        if (id) {
            log(how.started(id));
            return { location: this.jobUrl(id), how: 'started', portal: how.portal };
        }
        // The service accepted it: never sent again. The job cannot be followed; what it started can.
        log(`The service accepted the ${how.noun} (HTTP ${response.status}) but named no job in the form of one (${describeShape(response.json)}); looking for the ${how.noun} among the offer's submissions.`);
        const found = await how.lookFor();
        if (found)
            return found;
        throw new ActionError(`The service accepted the ${how.noun} of offer '${settings.offerId}' but named no job, and no ${how.noun} was listed within ${formatDuration(lookBudget(settings).forMs)}. It was not sent again: ${how.later}.`);
    }
    /**
     * `POST configure/{jobId}/cancel` for the job at `location`. A submission found without its job
     * cannot be cancelled: the service lists no jobs.
     */
    cancelRequest(location, noun) {
        const followed = parseFollowed(location.pathname);
        if (followed?.kind !== 'job') {
            throw new ActionError(`Cannot cancel the ${noun} of offer '${this.deps.settings.offerId}' from its submission${followed ? ` ${followed.id}` : ''}: the service cancels configure jobs and lists none, so cancelling needs the operation-location the starting run printed (…/configure/{jobId}/status). Run this action with cancel: true and that operation-location.`);
        }
        return this.session.planned({ url: under(this.deps.settings.baseUrl, `/configure/${followed.jobId}/cancel`) });
    }
    /** Cancels the job at `location`: its answer is the job, `completed`/`cancelled` when it took. */
    async cancel(location, noun) {
        const { url } = this.cancelRequest(location, noun);
        const purpose = `cancel the ${noun}`;
        // A second cancel of one job changes nothing: the client may send it again.
        const response = await this.session.send({ method: 'POST', url, purpose, body: '', expectJson: true });
        if (response.status === 400 && /already completed/i.test(errorDetail(response.json))) {
            const op = await this.job(location, jobOf(location), noun);
            throw new TooLate(`Too late to cancel the ${noun}: the service refused the cancel${errorDetail(response.json)}; the job reads ${op.rawStatus}.`, op);
        }
        this.session.check(response, purpose);
        return isRecord(response.json) && typeof response.json.jobStatus === 'string'
            ? jobOperation(response.json)
            : this.job(location, jobOf(location), noun);
    }
    /** One read of a configure job's status, in the normalised model. */
    async job(location, id, what) {
        const response = await this.session.ok({
            method: 'GET',
            url: location,
            purpose: `read the ${what} job status`,
            expectJson: true,
            missing: `job ${id}`,
        });
        return jobOperation(response.json);
    }
    submissionUrl(submission) {
        return under(this.deps.settings.baseUrl, `/${submission.id}`);
    }
    jobUrl(id) {
        return under(this.deps.settings.baseUrl, `/configure/${id}/status`);
    }
}
const jobOf = (location) => {
    const followed = parseFollowed(location.pathname);
    return followed?.kind === 'job' ? followed.jobId : '';
};
function account_explainStatus(status, detail, purpose) {
    const failed = `Could not ${purpose}: HTTP ${status}${detail}`;
    switch (status) {
        case 400:
            return /deprecated schema/i.test(detail)
                ? `${failed}. Set api-version to a version the service still serves, such as ${DEFAULT_VERSION}.`
                : `${failed}. The service refused the request (not retried).`;
        case 403:
            return `${failed}. The app has no access to this Partner Center account: add it in Partner Center (Account settings > User management > Azure AD applications) with the Manager role.`;
        case 404:
            return `${failed}. The service knows no such resource: check offer-id and base-url.`;
        default:
            return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`;
    }
}

;// CONCATENATED MODULE: ./build/src/product-ingestion/live.js
/** Product Ingestion, target live: promote the newest succeeded preview, at most once, and follow it. */





class live_GoLive {
    deps;
    account;
    /** The submission this run asked to put live, once it sent the request. */
    promoting;
    constructor(deps) {
        this.deps = deps;
        this.account = new Account(deps);
    }
    async decide() {
        const guid = await this.account.product();
        return this.decision(guid, planGoLive(await this.account.submissions(guid), this.deps.settings.offerId));
    }
    /** The plan as a decision: the request a promotion sends, the go-live to follow, or the refusal. */
    decision(guid, plan) {
        const { offerId } = this.deps.settings;
        switch (plan.kind) {
            case 'refuse':
                return { kind: 'refuse', line: plan.reason };
            case 'attach':
                return {
                    kind: 'follow',
                    tracked: { location: this.account.submissionUrl(plan.live), how: 'attached' },
                    what: `follow the go-live already in progress (submission ${submissionNumber(plan.live.id)}) instead of starting another`,
                    line: `A go-live of offer '${offerId}' is already in progress (submission ${submissionNumber(plan.live.id)}); following it instead of starting another.`,
                };
            case 'already-live':
                return {
                    kind: 'follow',
                    tracked: { location: this.account.submissionUrl(plan.live), how: 'already-live' },
                    what: `start nothing: the offer is already live with its newest preview (submission ${submissionNumber(plan.live.id)})`,
                    line: `Offer '${offerId}' is already live with submission ${submissionNumber(plan.live.id)}; no go-live was started.`,
                };
            case 'promote':
                return {
                    kind: 'send',
                    what: `put the newest preview live (submission ${submissionNumber(plan.preview.id)})`,
                    request: this.account.configureRequest(goLiveResource(guid, plan.preview)),
                    send: () => this.promote(guid, plan.preview),
                };
        }
    }
    cancelRequest(location) {
        return this.account.cancelRequest(location, 'go-live');
    }
    cancel(location) {
        return this.account.cancel(location, 'go-live');
    }
    async find() {
        const guid = await this.account.product();
        const live = chooseLive(await this.account.submissions(guid));
        if (!live)
            return undefined;
        this.deps.log(`Following the offer's live submission ${submissionNumber(live.id)} (${live.status || 'no status'}).`);
        return { location: this.account.submissionUrl(live), how: 'found' };
    }
    async read(location) {
        const followed = parseFollowed(location.pathname);
        if (followed?.kind === 'job') {
            const op = await this.account.job(location, followed.jobId, 'go-live');
            const refusedFor = inProgressRefusal(op);
            return refusedFor ? this.heldBy(refusedFor, followed.jobId, op) : op;
        }
        if (!followed)
            throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`);
        // A submission id is shared by its preview and live entries: the live one is read from the list.
        const durableId = `submission/${followed.productGuid}/${followed.id}`;
        const live = chooseLive((await this.account.submissions(followed.productGuid)).filter((s) => s.id === durableId));
        if (!live)
            throw new NotFound(`Submission ${followed.id} has no live entry in the product's submissions.`);
        return submissionOperation(live);
    }
    /** POST configure for target live, acting at most once (Account.configureOnce). */
    promote(guid, preview) {
        const { settings } = this.deps;
        this.promoting = submissionNumber(preview.id);
        return this.account.configureOnce(goLiveResource(guid, preview), {
            noun: 'go-live',
            // Another run may have put the same preview live meanwhile.
            replan: async () => {
                const plan = planGoLive(await this.account.submissions(guid), settings.offerId);
                const same = plan.kind === 'promote' && plan.preview.id === preview.id;
                return same ? undefined : act(this.decision(guid, plan), this.deps.log);
            },
            lookFor: () => this.lookForGoLive(guid, preview),
            started: (id) => `Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`,
            later: "run this action with start: false later to follow the offer's go-live",
            portal: productPage(guid),
        });
    }
    /** Looks, for a while, for the go-live of `preview` that a request of this run started. */
    async lookForGoLive(guid, preview) {
        const live = await lookAgain(async () => startedGoLive(await this.account.submissions(guid), preview), {
            clock: this.deps.clock,
            signal: this.deps.signal,
            ...lookBudget(this.deps.settings),
        });
        if (!live)
            return undefined;
        this.deps.log(`Following the go-live that request started (submission ${submissionNumber(live.id)}).`);
        return { location: this.account.submissionUrl(live), how: 'started', portal: productPage(guid) };
    }
    /**
     * The service refused job `job` because submission `n` is being published. When that is the
     * go-live of the same submission (the one this run asked for, or any go-live for a job this run
     * only follows), it is this run's go-live: follow it. Any other publish fails the step.
     */
    async heldBy(n, job, op) {
        const { settings, log } = this.deps;
        const found = await this.account.holderOf(await this.account.product(), n);
        const sameSubmission = this.promoting === undefined || this.promoting === n;
        if (found?.kind === 'go-live' && sameSubmission) {
            log(`Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`);
            return { ...submissionOperation(found.live), movedTo: this.account.submissionUrl(found.live) };
        }
        throw new Refused(`Cannot go live: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step. The service said: ${serviceWords(op)}`, op);
    }
}
/** The submission resource of a go-live: the preview to promote, by its id. */
const goLiveResource = (guid, preview) => ({
    id: preview.id,
    product: `product/${guid}`,
    target: { targetType: 'live' },
});

;// CONCATENATED MODULE: ./build/src/product-ingestion/preview.js
/** Product Ingestion, target preview: publish the draft to preview at most once, and follow it to ready. */






class preview_PreviewPublish {
    deps;
    account;
    /** The preview submissions listed before this run's publish request, once it sent one. */
    known;
    constructor(deps) {
        this.deps = deps;
        this.account = new Account(deps);
    }
    async decide() {
        const guid = await this.account.product();
        return this.decision(guid, planPreview(await this.account.submissions(guid), this.deps.settings.offerId));
    }
    /** The plan as a decision: the publish request, the preview to follow (the trees read first), or the refusal. */
    async decision(guid, plan) {
        const { offerId } = this.deps.settings;
        switch (plan.kind) {
            case 'refuse':
                return { kind: 'refuse', line: plan.reason };
            case 'attach':
                return {
                    kind: 'follow',
                    tracked: { location: this.account.submissionUrl(plan.preview), how: 'attached', portal: productPage(guid) },
                    what: `follow the preview publish already in progress (submission ${submissionNumber(plan.preview.id)}) instead of starting another`,
                    line: `A preview publish of offer '${offerId}' is already in progress (submission ${submissionNumber(plan.preview.id)}); following it instead of starting another.`,
                };
            case 'publish':
                if (plan.latest && (await this.unchangedSince(guid, plan.latest))) {
                    return {
                        kind: 'follow',
                        tracked: { location: this.account.submissionUrl(plan.latest), how: 'unchanged', portal: productPage(guid) },
                        what: `start nothing: nothing changed since the preview (submission ${submissionNumber(plan.latest.id)})`,
                        line: `Nothing changed in offer '${offerId}' since its preview (submission ${submissionNumber(plan.latest.id)}): the draft and the preview hold the same resources, so no preview publish was started (it would certify the same content again).`,
                    };
                }
                return {
                    kind: 'send',
                    what: "publish the offer's draft to preview",
                    request: this.account.configureRequest(previewResource(guid)),
                    send: () => this.publish(guid, plan.known),
                };
        }
    }
    cancelRequest(location) {
        return this.account.cancelRequest(location, 'preview publish');
    }
    cancel(location) {
        return this.account.cancel(location, 'preview publish');
    }
    /**
     * Whether the draft holds nothing new since preview `latest`: the draft and preview resource
     * trees compared. A service that does not serve them (or a tree the action cannot read) cannot
     * tell: the preview is published.
     */
    async unchangedSince(guid, latest) {
        const tree = async (targetType) => {
            const url = under(this.deps.settings.baseUrl, `/resource-tree/product/${guid}`);
            url.searchParams.set('targetType', targetType);
            const response = await this.account.session.send({
                method: 'GET',
                url,
                purpose: `read the offer's ${targetType} resources`,
                expectJson: true,
            });
            return response.status === 200 ? response.json : undefined;
        };
        const same = sameContent(await tree('draft'), await tree('preview'));
        if (same === undefined) {
            this.deps.log(`Could not compare the draft with the preview (submission ${submissionNumber(latest.id)}): the service did not serve both resource trees, so the draft is published to preview.`);
        }
        return same === true;
    }
    async find() {
        const guid = await this.account.product();
        const preview = choosePreview(await this.account.submissions(guid));
        if (!preview)
            return undefined;
        this.deps.log(`Following the offer's preview submission ${submissionNumber(preview.id)} (${preview.status || 'no status'}).`);
        return { location: this.account.submissionUrl(preview), how: 'found', portal: productPage(guid) };
    }
    async read(location) {
        const followed = parseFollowed(location.pathname);
        if (!followed)
            throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion preview publish.`);
        if (followed.kind === 'submission') {
            const list = await this.account.submissions(followed.productGuid);
            const durableId = `submission/${followed.productGuid}/${followed.id}`;
            const preview = list.find((s) => s.id === durableId && s.target === 'preview');
            if (!preview)
                throw new NotFound(`Submission ${followed.id} has no preview entry in the product's submissions.`);
            return previewOperation(list, preview);
        }
        const job = await this.account.job(location, followed.jobId, 'preview publish');
        const refusedFor = inProgressRefusal(job);
        if (refusedFor)
            return this.heldBy(refusedFor, followed.jobId, job);
        if (job.status !== 'succeeded')
            return job;
        const guid = await this.account.product();
        const { op, preview, unchanged } = confirmPreview(job, await this.account.submissions(guid), this.known);
        if (unchanged && preview) {
            this.deps.log(`The preview job succeeded without a new preview: nothing new was published. Reporting the existing preview (submission ${submissionNumber(preview.id)}).`);
        }
        return op;
    }
    /** POST configure for target preview, acting at most once (Account.configureOnce). */
    publish(guid, known) {
        const { settings } = this.deps;
        this.known = known;
        return this.account.configureOnce(previewResource(guid), {
            noun: 'preview publish',
            // A sibling run may have started the same publish meanwhile.
            replan: async () => {
                const plan = planPreview(await this.account.submissions(guid), settings.offerId);
                return plan.kind !== 'publish' ? act(await this.decision(guid, plan), this.deps.log) : undefined;
            },
            lookFor: () => this.lookForPublish(guid, known),
            started: (id) => `Started the preview publish of offer '${settings.offerId}': job ${id}.`,
            later: "run this action with target: preview and start: false later to follow the offer's preview",
            portal: productPage(guid),
        });
    }
    /** A preview publish a request of this run may have started: one in progress, or a preview listed since. */
    async lookForPublish(guid, known) {
        const preview = await lookAgain(async () => {
            const list = await this.account.submissions(guid);
            const plan = planPreview(list, this.deps.settings.offerId);
            if (plan.kind === 'attach')
                return plan.preview;
            return list.find((s) => s.target === 'preview' && !known.includes(s.id));
        }, { clock: this.deps.clock, signal: this.deps.signal, ...lookBudget(this.deps.settings) });
        if (!preview)
            return undefined;
        this.deps.log(`Following the preview publish that request started (submission ${submissionNumber(preview.id)}).`);
        return { location: this.account.submissionUrl(preview), how: 'started', portal: productPage(guid) };
    }
    /**
     * The service refused job `job` because submission `n` is being published: another run's
     * preview publish of this offer is followed instead; a go-live in progress fails the step.
     */
    async heldBy(n, job, op) {
        const { settings, log } = this.deps;
        const guid = await this.account.product();
        const found = await this.account.holderOf(guid, n);
        if (found?.kind === 'other' && found.publish.target === 'preview') {
            log(`Job ${job} was refused because a preview publish of offer '${settings.offerId}' is already in progress (submission ${n}); following that one instead.`);
            const list = await this.account.submissions(guid);
            return { ...previewOperation(list, found.publish), movedTo: this.account.submissionUrl(found.publish) };
        }
        throw new Refused(`Cannot publish to preview: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end, then re-run this step. The service said: ${serviceWords(op)}`, op);
    }
}
/** Method 1, "publish all draft resources": the submission resource without an id. */
const previewResource = (guid) => ({
    product: `product/${guid}`,
    target: { targetType: 'preview' },
});

;// CONCATENATED MODULE: ./build/src/product-ingestion/api.js
/**
 * Partner Center's Product Ingestion API, through which every other Marketplace offer is
 * published: what settings need of it, and its two stages (live.ts, preview.ts).
 */






const productIngestion = {
    name: 'product-ingestion',
    title: 'Product Ingestion',
    defaults: { 'base-url': `${urls_RESOURCE}/rp/product-ingestion`, 'api-version': DEFAULT_VERSION },
    tokenResource: urls_RESOURCE,
    needsPublisher: false,
    // The schema's form of identity.externalId; the service matches it without regard to case.
    normaliseOfferId: (offerId) => {
        if (!/^[a-z0-9][a-z0-9-_]{2,49}$/i.test(offerId)) {
            throw new ActionError(`Input 'offer-id' is '${offerId}', which cannot be a Partner Center offer id: those are 3 to 50 letters, digits, '-' and '_', starting with a letter or a digit (the offer id shown in Partner Center).`);
        }
        return offerId.toLowerCase();
    },
    operationUrl: followedUrl,
    operationId: (url) => {
        const followed = parseFollowed(url.pathname);
        return followed?.kind === 'job' ? followed.jobId : (followed?.id ?? '');
    },
    // A configure job does not name its product: the list of offers, unless the run knew the product.
    portalUrl: (url) => {
        const followed = parseFollowed(url.pathname);
        return followed?.kind === 'submission' ? productPage(followed.productGuid) : `${PARTNER_CENTER}/overview`;
    },
    stages: { live: (deps) => new live_GoLive(deps), preview: (deps) => new preview_PreviewPublish(deps) },
};
/** `{base}/configure/{jobId}/status` or `{base}/submission/{productGuid}/{id}`, on base-url's origin. */
function followedUrl(value, baseUrl, source) {
    const url = resolveUnder(value, baseUrl, source);
    if (!parseFollowed(url.pathname)) {
        throw new ActionError(`The ${source} ${url.pathname} is not a go-live of the Product Ingestion API: it should end in /configure/{jobId}/status or /submission/{productId}/{submissionId}.`);
    }
    return url;
}

;// CONCATENATED MODULE: ./build/src/apis.js


/** The APIs the `api` input names. Another back end is a folder of its own and a line here. */
const APIS = [cloudPartnerPortal, productIngestion];

;// CONCATENATED MODULE: ./build/src/operation.js
/**
 * The normalised go-live model that every API adapter produces: the wait, the progress log and the
 * report read only this, never an API's own vocabulary.
 */
const isTerminal = (status) => status === 'succeeded' || status === 'failed' || status === 'canceled';
/** Steps whose status differs from the previous read (all of them on the first read). */
function changedSteps(previous, next) {
    const before = new Map(previous?.steps.map((s) => [s.id, s.status]));
    return next.steps.filter((step) => before.get(step.id) !== step.status);
}
/** The messages that explain a failed or canceled operation, `Step: message`, most useful first. */
function failureReasons(op) {
    const fromSteps = (states) => op.steps
        .filter((s) => states.includes(s.state))
        .flatMap((s) => s.messages.filter((m) => m.level === 'error').map((m) => `${s.name}: ${m.text}`));
    let reasons = fromSteps(['failed', 'canceled']);
    if (reasons.length === 0)
        reasons = fromSteps(['done', 'running', 'waiting']);
    reasons.push(...op.messages.filter((m) => m.level === 'error').map((m) => m.text));
    return [...new Set(reasons)];
}

;// CONCATENATED MODULE: ./build/src/progress.js


const HEARTBEAT_MS = 10 * 60_000;
const SYMBOL = {
    done: '✅',
    running: '🔄',
    waiting: '⏳',
    failed: '❌',
    canceled: '⛔',
};
/** `✅ Validate Pre-Requisites: complete (100%) - Step completed.` */
function describeStep(step) {
    const progress = step.progress !== undefined ? ` (${step.progress}%)` : '';
    const last = step.messages.at(-1);
    return `${SYMBOL[step.state]} ${step.name}: ${step.status}${progress}${last ? ` - ${last.text}` : ''}`;
}
/** What is going on now, for the heartbeat: the first step that has not finished. */
function describeNow(op) {
    const current = op.steps.find((s) => s.state !== 'done') ?? op.steps.at(-1);
    if (!current)
        return `operation ${op.rawStatus}`;
    const progress = current.progress !== undefined ? `, ${current.progress}%` : '';
    return `operation ${op.rawStatus}; step '${current.name}' is ${current.status}${progress}`;
}
/**
 * The story of the wait in the log: a line when a step changes, a heartbeat when nothing has been
 * said for a while, never a line per poll.
 */
class ProgressLog {
    clock;
    startedAt;
    write;
    heartbeatMs;
    lastLineAt;
    unknown = new Set();
    constructor(clock, startedAt, write, heartbeatMs = HEARTBEAT_MS) {
        this.clock = clock;
        this.startedAt = startedAt;
        this.write = write;
        this.heartbeatMs = heartbeatMs;
        this.lastLineAt = clock.now();
    }
    read(op, previous) {
        if (op.unknownStatus && !this.unknown.has(op.unknownStatus)) {
            this.unknown.add(op.unknownStatus);
            this.say(`The service sent the status '${op.unknownStatus}', which this action does not know; it keeps waiting. Please report it so the action can learn it.`);
        }
        const changes = changedSteps(previous, op);
        if (!previous)
            this.say(`Operation is ${op.rawStatus}.`);
        for (const step of changes)
            this.say(describeStep(step));
        if (previous && previous.status !== op.status)
            this.say(`Operation is now ${op.rawStatus}.`);
        if (changes.length === 0 && this.clock.now() - this.lastLineAt >= this.heartbeatMs) {
            this.say(`Still waiting after ${formatDuration(this.clock.now() - this.startedAt)}: ${describeNow(op)}.`);
        }
    }
    /** The first failure of a run is told at once; while it goes on, only as often as a heartbeat. */
    readFailed(message, failingForMs) {
        if (failingForMs > 0 && this.clock.now() - this.lastLineAt < this.heartbeatMs)
            return;
        this.say(`Could not read the status (${message}); retrying${failingForMs > 0 ? `, failing for ${formatDuration(failingForMs)}` : ''}.`);
    }
    say(line) {
        this.lastLineAt = this.clock.now();
        this.write(line);
    }
}

;// CONCATENATED MODULE: ./build/src/report.js





function outcomeOf(status) {
    return status === 'succeeded' || status === 'failed' || status === 'canceled' ? status : 'running';
}
/** The line that tells how to pick the wait up again, for every run that leaves the go-live running. */
function resumeHint(location, target = 'live') {
    return target === 'live'
        ? `The go-live goes on in the service. To wait on it later, run this action with operation-location: ${location.href}`
        : `The preview publish goes on in the service. To wait on it later, run this action with target: preview and operation-location: ${location.href}`;
}
/** The headline agrees with what is known: a go-live not yet begun is not "running". */
function headline(report, offer) {
    const noun = NOUN[report.target ?? 'live'];
    const Noun = noun[0].toUpperCase() + noun.slice(1);
    if (report.mode === 'dry-run') {
        return report.outcome === 'error'
            ? `❌ Dry run: the ${noun} of offer ${offer} would be refused`
            : `🔍 Dry run for offer ${offer}: nothing was sent`;
    }
    if (report.mode === 'cancel' && report.outcome === 'error')
        return `❌ Could not cancel the ${noun} of offer ${offer}`;
    if (report.mode === 'cancel' && report.cancel) {
        return {
            canceled: `⛔ ${Noun} of offer ${offer} was canceled`,
            'too-late': `❌ Too late to cancel the ${noun} of offer ${offer}`,
            'goes-on': `❌ The ${noun} of offer ${offer} goes on: the cancel did not take effect`,
            nothing: `ℹ️ Nothing to cancel on offer ${offer}`,
        }[report.cancel];
    }
    if (report.outcome === 'succeeded' && report.target === 'preview' && report.op?.preview !== 'live') {
        return report.op?.preview === 'going-live'
            ? `🔄 Offer ${offer}: its preview is being put live`
            : `✅ Offer ${offer} is ready to go live`;
    }
    if (report.outcome === 'running' && report.op?.status === 'notStarted')
        return `⏳ ${Noun} of offer ${offer} has not started yet`;
    if (report.outcome === 'error' && !report.tracked && report.starting) {
        return `❌ ${Noun} of offer ${offer} could not be started`;
    }
    const lines = {
        succeeded: `✅ Offer ${offer} is live`,
        failed: `❌ ${Noun} of offer ${offer} failed`,
        canceled: `⛔ ${Noun} of offer ${offer} was canceled`,
        running: `🔄 ${Noun} of offer ${offer} is running`,
        'timed-out': `⌛ Stopped waiting: the ${noun} of offer ${offer} is still running`,
        interrupted: `⏹️ Job cancelled: the ${noun} of offer ${offer} goes on`,
        error: `❌ ${Noun} of offer ${offer} could not be followed`,
        none: `ℹ️ No ${noun} found for offer ${offer}`,
        'dry-run': `🔍 Dry run for offer ${offer}: nothing was sent`,
    };
    return lines[report.outcome];
}
const HOW = {
    started: 'by this step',
    attached: 'earlier; this step attached to it',
    resumed: 'earlier; followed from operation-location',
    found: 'earlier; found on the service (start: false)',
    'already-live': 'not needed: the offer was already live',
    unchanged: 'not needed: nothing changed since the last preview',
};
/** GitHub refuses a step summary over 1 MiB; what the service sends must never get it there. */
const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;
const MAX_STEPS = 100;
const MAX_LINKS = 20;
const MAX_REASONS = 50;
/** Preview and live links come from the service: only Microsoft's own hosts become links. */
const MARKETPLACE_HOSTS = ['microsoft.com', 'azure.com'];
/**
 * The job summary in GitHub-flavoured Markdown. Service text is inert (forMarkdown); only URLs the
 * action validated become links (linkTarget); what is left out for size is said.
 */
function renderSummary(report) {
    const { op, tracked } = report;
    const offer = report.offerId ? code(report.offerId) : '(unknown)';
    const lines = [`## ${headline(report, offer)}`, ''];
    if (report.error)
        lines.push(`> ${forMarkdown(report.error, 4000)}`, '');
    const facts = [];
    if (report.api)
        facts.push(['API', forMarkdown(report.api)]);
    if (report.publisherId)
        facts.push(['Publisher', code(report.publisherId)]);
    if (report.offerId)
        facts.push(['Offer', offer]);
    if (tracked) {
        // The API's URL needs a token: the summary names the operation and links to Partner Center.
        facts.push(['Operation', code(report.operationId ?? '')]);
        const portal = report.portal && linkTarget(report.portal, MARKETPLACE_HOSTS);
        if (portal)
            facts.push(['Partner Center', `[Open the offer](${portal})`]);
        facts.push(['Started', HOW[tracked.how]]);
    }
    if (op)
        facts.push([
            'Status',
            `**${op.status}**${op.rawStatus !== op.status ? ` (service: ${forMarkdown(op.rawStatus, 200)})` : ''}`,
        ]);
    facts.push(['Elapsed', formatDuration(report.elapsedMs)]);
    lines.push('| | |', '|---|---|', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '');
    if (report.plan) {
        lines.push(`This step would **${forMarkdown(report.plan.what, 500)}**.`, '');
        if (report.plan.request) {
            const { line, body } = describeRequest(report.plan.request);
            lines.push(`Request it would send: ${code(line, 2000)}${body ? ` with the body ${code(body, 4000)}` : ' with no body'}.`, '');
        }
    }
    if (op?.steps.length) {
        lines.push('### Steps', '', '| Step | Status | Progress | Estimated time | Last message |', '|---|---|---|---|---|');
        for (const step of op.steps.slice(0, MAX_STEPS)) {
            const last = step.messages.at(-1);
            const progress = typeof step.progress === 'number' && Number.isFinite(step.progress) ? `${step.progress}%` : '';
            lines.push(`| ${forMarkdown(step.name, 200)} | ${SYMBOL[step.state]} ${forMarkdown(step.status, 100)} | ${progress} | ${forMarkdown(step.estimate ?? '', 100)} | ${last ? forMarkdown(last.text, 500) : ''} |`);
        }
        if (op.steps.length > MAX_STEPS)
            lines.push('', `${op.steps.length - MAX_STEPS} more steps are not shown.`);
        lines.push('');
    }
    // Why it failed, once: the reasons the steps table does not show already (all of them, for an
    // API whose operations have no steps).
    if (op && (op.status === 'failed' || op.status === 'canceled')) {
        const shown = new Set(op.steps.flatMap((s) => (s.messages.length ? [`${s.name}: ${s.messages.at(-1).text}`] : [])));
        const reasons = failureReasons(op).filter((r) => !shown.has(r));
        if (reasons.length) {
            lines.push(`### Why it ${op.status === 'failed' ? 'failed' : 'was canceled'}`, '');
            lines.push(...reasons.slice(0, MAX_REASONS).map((r) => `- ${forMarkdown(r, 1000)}`), '');
            if (reasons.length > MAX_REASONS)
                lines.push(`${reasons.length - MAX_REASONS} more reasons are not shown.`, '');
        }
    }
    const links = [
        ...previewLinks(report).map((l) => ['Preview', l]),
        ...(op?.liveLinks ?? []).flatMap((l) => {
            const url = linkTarget(l.url, MARKETPLACE_HOSTS);
            return url ? [['Live', { text: l.text, url }]] : [];
        }),
    ].map(([kind, l]) => `- ${kind}: [${forMarkdown(l.text, 200)}](${l.url})`);
    if (links.length) {
        lines.push('### Links', '', ...links.slice(0, MAX_LINKS), '');
        if (links.length > MAX_LINKS)
            lines.push(`${links.length - MAX_LINKS} more links are not shown.`, '');
    }
    const stillRunning = op ? !isTerminal(op.status) : report.outcome === 'interrupted';
    const resume = tracked && linkTarget(tracked.location.href);
    if (resume && stillRunning) {
        lines.push(`To wait on it later, run this action with \`operation-location: ${resume}\`.`, '');
    }
    return bounded(lines);
}
/** `POST /api/…/golive?api-version=…` and its body, for the log and the summary (addresses redacted). */
function describeRequest(request) {
    return {
        line: `${request.method} ${request.url.pathname}${request.url.search}`,
        body: request.body ? redactEmails(request.body) : undefined,
    };
}
/** The preview links of the last read that lead to Microsoft's own hosts, as link targets. */
function previewLinks(report) {
    return (report.op?.previewLinks ?? []).flatMap((l) => {
        const url = linkTarget(l.url, MARKETPLACE_HOSTS);
        return url ? [{ text: l.text, url }] : [];
    });
}
/** The lines, cut before GitHub's limit (or `max` bytes) with a line that says so. */
function bounded(lines, max = MAX_SUMMARY_BYTES) {
    let size = 0;
    for (const [i, line] of lines.entries()) {
        size += Buffer.byteLength(line) + 1;
        if (size > max) {
            return [
                ...lines.slice(0, i),
                '',
                `The rest of this summary (${lines.length - i} lines) is left out: it would pass GitHub's 1 MiB limit.`,
                '',
            ].join('\n');
        }
    }
    return lines.join('\n');
}
/** An id the user gave, as code: nothing in it is interpreted, and it cannot end the code span. */
function code(text, max = 200) {
    return `\`${forLog(text, max).replace(/`/g, "'")}\``;
}
/** Error messages of failing steps and of a failed operation become errors, warning messages of any step warnings. */
function annotations(op) {
    const out = [];
    const seen = new Set();
    for (const step of op.steps) {
        for (const m of step.messages) {
            const level = m.level === 'error' && (step.state === 'failed' || step.state === 'canceled' || op.status === 'failed')
                ? 'error'
                : m.level === 'warning'
                    ? 'warning'
                    : undefined;
            const key = `${level}|${step.name}|${m.text}`;
            if (!level || seen.has(key))
                continue;
            seen.add(key);
            out.push({ level, title: step.name, message: m.text });
        }
    }
    // Errors of the operation itself (the only place some APIs put them) explain its failure too.
    if (op.status === 'failed' || op.status === 'canceled') {
        for (const m of op.messages) {
            if (m.level === 'error')
                out.push({ level: 'error', title: 'Go-live', message: m.text });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./build/src/wait.js



const FAILURE_BUDGET_MS = 15 * 60_000;
/** Polls are spread up to this share of the interval past it, so that a matrix's runs drift apart. */
const POLL_SPREAD = 0.1;
/** The wait before the next poll: never shorter than the interval, spread up to POLL_SPREAD past it. */
function pollDelayMs(intervalMs, random) {
    return intervalMs + Math.floor(random() * intervalMs * POLL_SPREAD);
}
/**
 * Reads the operation every interval until it ends or the deadline passes. Failed reads do not end
 * the wait: only an unbroken run of failures longer than the failure budget does.
 */
async function waitForEnd(options) {
    const { service, clock, signal, deadline, intervalMs } = options;
    const budget = options.failureBudgetMs ?? FAILURE_BUDGET_MS;
    const random = options.random ?? Math.random;
    let url = options.first.movedTo ?? options.url;
    let op = options.first;
    let failingSince;
    const done = options.done ?? ((read) => isTerminal(read.status));
    while (!done(op)) {
        const remaining = deadline - clock.now();
        if (remaining <= 0)
            return { op, timedOut: true };
        await clock.sleep(Math.min(pollDelayMs(intervalMs, random), remaining), signal);
        try {
            const next = await service.read(url);
            url = next.movedTo ?? url;
            failingSince = undefined;
            options.onRead?.(next, op);
            op = next;
        }
        catch (error) {
            // Transient faults, and requests that used up their own retries, are a pause, not an end.
            if (!(error instanceof TransientError || error instanceof GaveUp))
                throw error;
            failingSince ??= clock.now();
            const failingFor = clock.now() - failingSince;
            if (failingFor >= budget) {
                throw new ActionError(`Stopped waiting: the operation status could not be read for ${formatDuration(failingFor)} (last: ${error.message}).`);
            }
            options.onReadFailed?.(error.message, failingFor);
        }
    }
    return { op, timedOut: false };
}

;// CONCATENATED MODULE: ./build/src/watch.js







/** The outputs name what the run follows: after a move, the operation it follows now. */
function track(run, tracked) {
    const { report, settings, page } = run;
    report.tracked = tracked;
    report.operationId = settings.api.operationId(tracked.location);
    report.portal = tracked.portal ?? settings.api.portalUrl(tracked.location);
    page.output('operation-location', tracked.location.href);
    page.output('operation-id', report.operationId);
}
function moved(run, op) {
    if (op.movedTo && run.report.tracked)
        track(run, { ...run.report.tracked, location: op.movedTo });
}
/**
 * The operation `get` names, tracked (its outputs written before the first read, so that a failure
 * of that read still says how to resume) and read once, in the group `title`; undefined for none.
 */
async function begin(run, title, get) {
    return run.page.group(title, async () => {
        const tracked = await get();
        if (!tracked)
            return undefined;
        track(run, tracked);
        const first = await readFirst(tracked, run);
        moved(run, first);
        run.progress.read(first);
        return { tracked: run.report.tracked, first };
    });
}
/**
 * The first read. An operation the service just accepted may answer 404 for a short while: that
 * is read again before it is reported. One the user named is reported at once, naming the input.
 */
async function readFirst(tracked, run) {
    const { service, settings, clock, signal } = run;
    if (tracked.how === 'resumed') {
        try {
            return await service.read(tracked.location);
        }
        catch (error) {
            if (error instanceof NotFound)
                throw new NotFound(`${error.message} Check operation-location.`);
            throw error;
        }
    }
    let missing;
    const op = await lookAgain(async () => {
        try {
            return await service.read(tracked.location);
        }
        catch (error) {
            if (!(error instanceof NotFound))
                throw error;
            missing = error;
            return undefined;
        }
    }, { clock, signal, ...lookBudget(settings) });
    if (op)
        return op;
    throw missing ?? new NotFound(`The go-live at ${tracked.location.href} could not be read.`);
}
/** Reads the operation until it ends or `timeout` passes, in the group `title`, every move applied. */
function waitOn(run, title, first) {
    const { settings, service, clock, signal, report, progress } = run;
    return run.page.group(`${title} (up to ${formatDuration(settings.timeoutMs)})`, () => waitForEnd({
        service,
        url: report.tracked.location,
        clock,
        signal,
        first,
        deadline: clock.now() + settings.timeoutMs,
        intervalMs: settings.pollIntervalMs,
        onRead: (op, previous) => {
            report.op = op;
            moved(run, op);
            progress.read(op, previous);
        },
        onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
    }));
}
/** The operation followed to where the run leaves it (its end, the timeout, or the first read), then concluded. */
async function watch(run, first) {
    const { report, settings } = run;
    report.op = first;
    report.outcome = outcomeOf(first.status);
    if (settings.wait && !settings.dryRun && report.outcome === 'running') {
        const result = await waitOn(run, `Wait for the ${NOUN[settings.target]}`, first);
        report.op = result.op;
        report.outcome = result.timedOut ? 'timed-out' : outcomeOf(result.op.status);
    }
    conclude(report, settings, run.page);
}
function conclude(report, settings, page) {
    const { op, tracked } = report;
    if (!op || !tracked)
        return;
    const noun = NOUN[settings.target];
    const offer = `Offer '${settings.offerId}'`;
    const resume = resumeHint(tracked.location, settings.target);
    if (isTerminal(op.status)) {
        // A reason the failure line gives reaches the run page there, not twice.
        const reasons = new Set(failureReasons(op));
        for (const a of annotations(op)) {
            if (a.level === 'error' && (reasons.has(a.message) || reasons.has(`${a.title}: ${a.message}`)))
                continue;
            (a.level === 'error' ? page.error : page.warning)(a.message, a.title);
        }
    }
    switch (report.outcome) {
        case 'succeeded':
            page.info(settings.target === 'live' ? `${offer} is live.` : readyLine(report, offer));
            return;
        case 'running':
            page.info(`The ${noun} is ${op.rawStatus}; not waiting for it (${settings.dryRun ? 'dry run' : 'wait: false'}). ${resume}`);
            return;
        case 'timed-out': {
            const message = `Stopped waiting after ${formatDuration(settings.timeoutMs)}: ${describeNow(op)}. ${resume}`;
            if (settings.failOnTimeout)
                page.fail(message);
            else
                page.warning(message);
            return;
        }
        default: {
            const reasons = failureReasons(op);
            page.fail(`The ${noun} ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'} (operation ${tracked.location.href}).`);
        }
    }
}
/** `Offer 'x' is ready to go live: …`, or live already, with where to look at the preview. */
function readyLine(report, offer) {
    switch (report.op?.preview) {
        case 'live':
            return `${offer} is live: this preview has gone live already.`;
        case 'going-live':
            return `${offer}: this preview is being put live (its go-live is in progress); start: false with target: live follows it.`;
        default: {
            const links = previewLinks(report).map((l) => `${l.text} ${l.url}`);
            return `${offer} is ready to go live: its preview passed validation and certification and waits for the publisher's sign-off.${links.length ? ` Preview: ${links.join(', ')}.` : ''}${report.portal ? ` Partner Center: ${report.portal}` : ''}`;
        }
    }
}

;// CONCATENATED MODULE: ./build/src/cancel.js





/** Nothing left to cancel: the status has ended, and the service's operation with it. */
const ended = (op) => isTerminal(op.status) && !op.stillRuns;
/**
 * The cancel intent: the operation at operation-location, else the one `start: false` finds, is
 * cancelled and read until it reads canceled, within `timeout` whatever `wait` says (the services
 * answer a cancel before it takes effect, CPP's 202 whether or not it cancelled anything).
 */
async function cancel(run) {
    const { settings, service, page, report, progress } = run;
    const noun = NOUN[settings.target];
    const offer = `offer '${settings.offerId}'`;
    const found = await begin(run, `Find the ${noun} to cancel`, async () => settings.operationLocation ? { location: settings.operationLocation, how: 'resumed' } : service.find());
    if (!found) {
        report.cancel = 'nothing';
        report.outcome = 'none';
        page.notice(`Nothing to cancel: ${offer} has no ${noun}.`);
        return;
    }
    const { tracked, first } = found;
    report.op = first;
    if (ended(first)) {
        if (tracked.how === 'resumed') {
            report.cancel = 'too-late';
            report.outcome = outcomeOf(first.status);
            page.fail(`Too late to cancel: the ${noun} at operation-location has already ended (${first.rawStatus}).`);
        }
        else {
            report.cancel = 'nothing';
            report.outcome = 'none';
            page.notice(`Nothing to cancel: the last ${noun} of ${offer} has ended (${first.rawStatus}).`);
        }
        return;
    }
    // Asked first in every run, dry or not: an operation that cannot be cancelled says why.
    const request = service.cancelRequest(tracked.location);
    if (settings.dryRun) {
        report.plan = { what: `cancel the ${noun} in progress (${first.rawStatus})`, request };
        report.outcome = 'dry-run';
        const { line } = describeRequest(request);
        page.info(`Dry run: this step would cancel the ${noun} in progress: it would send ${line} with no body. Nothing was sent.`);
        return;
    }
    let op;
    try {
        op = await page.group(`Cancel the ${noun}`, () => service.cancel(tracked.location));
    }
    catch (error) {
        if (!(error instanceof TooLate))
            throw error;
        report.op = error.op;
        report.cancel = 'too-late';
        report.outcome = outcomeOf(error.op.status);
        page.fail(error.message);
        return;
    }
    report.op = op;
    progress.read(op, first);
    if (!ended(op)) {
        const result = await waitOn(run, 'Wait for the cancel to take effect', op);
        report.op = result.op;
        if (result.timedOut) {
            report.cancel = 'goes-on';
            report.outcome = 'timed-out';
            page.fail(`The ${noun} goes on: the service accepted the cancel, but after ${formatDuration(settings.timeoutMs)} the ${noun} still reads ${result.op.rawStatus}. Check it in Partner Center; the service may no longer allow cancelling it.`);
            return;
        }
    }
    const last = report.op;
    if (last.status === 'canceled') {
        report.cancel = 'canceled';
        report.outcome = 'canceled';
        page.info(`Cancelled the ${noun} of ${offer} (${last.rawStatus}).`);
        return;
    }
    report.cancel = 'too-late';
    report.outcome = outcomeOf(last.status);
    page.fail(`Too late to cancel: the ${noun} of ${offer} ended ${last.rawStatus} before the cancel took effect.`);
}

;// CONCATENATED MODULE: ./build/src/credentials.js




const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/**
 * Why `value` cannot be sent as a bearer token, or undefined when it can: a token is printable
 * ASCII. Never quotes the value; says where the first bad character is and what it looks like.
 */
function unsendable(value) {
    const at = [...value].findIndex((c) => c < '!' || c > '~');
    if (at < 0)
        return undefined;
    const c = [...value][at];
    const what = /[\r\n]/.test(c)
        ? 'a line break'
        : /\s/.test(c)
            ? 'white space'
            : c < ' ' || c === '\x7f'
                ? 'a control character'
                : `a non-ASCII character (U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}, such as a curly quote pasted from a document)`;
    return `${what} at position ${at + 1}`;
}
async function signIn(auth, deps) {
    if (auth.kind === 'token') {
        const bad = unsendable(auth.token);
        if (bad) {
            throw new ActionError(`Input 'token' cannot be sent as a bearer token: it holds ${bad}. Paste the token alone, as one line.`);
        }
        deps.log('Using the token given in the token input.');
        return { token: async () => auth.token, renew: async () => false, source: "the 'token' input" };
    }
    const credentials = new AzureAdCredentials(auth, deps);
    await credentials.token();
    return credentials;
}
class AzureAdCredentials {
    auth;
    deps;
    source;
    current;
    constructor(auth, deps) {
        this.auth = auth;
        this.deps = deps;
        this.source = `Azure AD app ${auth.clientId} (${auth.kind === 'oidc' ? 'GitHub OIDC federation' : 'client secret'})`;
    }
    async token() {
        if (!this.current || this.deps.clock.now() >= renewAt(this.current))
            await this.renew();
        return this.current.token;
    }
    async renew() {
        const first = !this.current;
        this.current = await this.issue();
        this.deps.log(`${first ? 'Signed in' : 'Renewed the token'} as ${this.source}; it is valid for ${formatDuration(this.current.lifetimeMs)}.`);
        return true;
    }
    async issue() {
        const { auth, deps } = this;
        const form = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: auth.clientId,
            scope: `${deps.resource}/.default`,
        });
        let assertion;
        if (auth.kind === 'client-secret') {
            form.set('client_secret', auth.clientSecret);
        }
        else {
            assertion = await githubIdToken(deps);
            form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
            form.set('client_assertion', assertion);
        }
        const response = await deps.http.request({
            method: 'POST',
            url: under(auth.authorityHost, `/${encodeURIComponent(auth.tenantId)}/oauth2/v2.0/token`),
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
            purpose: 'get a token from Azure AD',
            expectJson: true,
            check: 'authority-host',
        });
        const body = (response.json ?? {});
        if (response.status !== 200 || typeof body.access_token !== 'string') {
            throw new ActionError(explainAadError(response.status, body, auth, deps.resource, assertion));
        }
        deps.mask(body.access_token);
        const bad = unsendable(body.access_token);
        if (bad) {
            throw new ActionError(`Azure AD issued a token that cannot be sent as a bearer token (it holds ${bad}): check authority-host.`);
        }
        const lifetimeMs = Math.max(1, Number(body.expires_in) || 3600) * 1000;
        return { token: body.access_token, expiresAt: deps.clock.now() + lifetimeMs, lifetimeMs };
    }
}
/** Renew five minutes ahead, or a fifth of the lifetime ahead for short-lived tokens. */
function renewAt(issued) {
    return issued.expiresAt - Math.min(5 * 60_000, issued.lifetimeMs / 5);
}
/**
 * The GitHub OIDC token for the federation, asked of the runner's own endpoint through the one
 * HTTP client: the request token goes to the host of ACTIONS_ID_TOKEN_REQUEST_URL only (no
 * redirect is followed), within request-timeout, cancelled with the run, retried as any request.
 */
async function githubIdToken(deps) {
    const endpoint = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!endpoint || !requestToken) {
        throw new ActionError("GitHub OIDC is not available to this job: add 'id-token: write' under 'permissions:' in the workflow (or give 'client-secret' instead).");
    }
    deps.mask(requestToken);
    const url = oidcEndpoint(endpoint);
    url.searchParams.set('audience', OIDC_AUDIENCE);
    const purpose = `get a GitHub OIDC token for ${OIDC_AUDIENCE}`;
    const response = await deps.http.request({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${requestToken}` },
        purpose,
        expectJson: true,
        check: "the runner's ACTIONS_ID_TOKEN_REQUEST_URL",
    });
    const value = response.json?.value;
    if (response.status !== 200 || typeof value !== 'string' || value === '') {
        const detail = response.status !== 200 ? `HTTP ${response.status}` : `an answer with no token (${describeShape(response.json)})`;
        throw new ActionError(`Could not ${purpose}: ${detail}.${response.status === 401 || response.status === 403 ? " Check 'permissions: id-token: write'." : ' Re-run the job.'}`);
    }
    deps.mask(value);
    const bad = unsendable(value);
    if (bad)
        throw new ActionError(`Could not ${purpose}: the token GitHub issued holds ${bad}.`);
    return value;
}
/** ACTIONS_ID_TOKEN_REQUEST_URL, as the runner sets it: https (http on loopback), no credentials. */
function oidcEndpoint(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new ActionError('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL: GitHub OIDC cannot be used in this job.');
    }
    if ((url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) || url.username || url.password) {
        throw new ActionError(`ACTIONS_ID_TOKEN_REQUEST_URL must be an https URL without credentials; it points to ${url.protocol}//${url.host}.`);
    }
    return url;
}
const NO_FEDERATED_MATCH = 'no federated credential of the app matches this workflow';
const AAD_HINTS = [
    [
        /AADSTS7000215|AADSTS7000222|invalid client secret/i,
        "the client secret is wrong or has expired: create a new one for the app and update the 'client-secret' secret",
    ],
    [
        /AADSTS90002|AADSTS900023|AADSTS90013|tenant .*not found/i,
        "the tenant is unknown: check 'tenant-id' (the directory id of the app's tenant)",
    ],
    [/AADSTS700016|AADSTS700038/i, "the application is not found in that tenant: check 'client-id' and 'tenant-id'"],
    [/AADSTS70021|AADSTS700211|AADSTS700212|AADSTS700213|AADSTS7002\d\d/i, NO_FEDERATED_MATCH],
    [
        /AADSTS700024|AADSTS700027|AADSTS50027/i,
        'the GitHub OIDC token was not accepted: check the federated credential (issuer https://token.actions.githubusercontent.com, audience api://AzureADTokenExchange)',
    ],
];
function explainAadError(status, body, auth, resource, assertion) {
    const code = typeof body.error === 'string' ? body.error.slice(0, 100) : `HTTP ${status}`;
    // Cut before any pattern runs over it: the answer may be far longer than Azure AD's.
    const description = typeof body.error_description === 'string' ? body.error_description.slice(0, 2000).split(/\r?\n/)[0].trim() : '';
    const aadsts = /AADSTS\d+/.exec(description)?.[0];
    let hint = AAD_HINTS.find(([pattern]) => pattern.test(description))?.[1];
    if (!hint && aadsts === 'AADSTS500011')
        hint = `the resource ${resource} is not known in that tenant`;
    if (!hint && code === 'invalid_client')
        hint = "the app's credentials were refused: check 'client-id' and 'client-secret'";
    if (!hint && code === 'unauthorized_client')
        hint = "the app may not use this grant: check 'client-id' and the app registration";
    if (hint === NO_FEDERATED_MATCH && assertion) {
        const subject = jwtSubject(assertion);
        if (subject)
            hint += `: add one with subject '${subject}'`;
    }
    const detail = [aadsts, description.replace(/^AADSTS\d+:\s*/, '').slice(0, 200)].filter(Boolean).join(': ');
    return `Azure AD refused to issue a token for app ${auth.clientId} in tenant ${auth.tenantId} (${code}${detail ? `, ${detail}` : ''}): ${hint ?? 'check tenant-id, client-id and the credential'}.`;
}
/** The `sub` claim of a JWT, to tell the user which federated credential subject to register. */
function jwtSubject(jwt) {
    try {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
        return typeof payload.sub === 'string' ? payload.sub : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/src/follow.js
/**
 * The follow intent: the operation at operation-location, or with `start: false` the offer's own
 * (none is not an error), followed without writing anything.
 */


async function follow(run) {
    const { settings, service, page, report } = run;
    const noun = NOUN[settings.target];
    if (settings.dryRun)
        page.info('Dry run: this run only reads (start: false or operation-location), and does not wait.');
    const begun = await begin(run, `Find the ${noun}`, async () => {
        if (!settings.operationLocation)
            return service.find();
        page.info(`Following operation ${settings.api.operationId(settings.operationLocation)} from operation-location; no ${noun} is started.`);
        return { location: settings.operationLocation, how: 'resumed' };
    });
    if (begun)
        return watch(run, begun.first);
    report.outcome = 'none';
    page.notice(`No ${noun} was found for offer '${settings.offerId}'; nothing to follow (start: false).`);
}

;// CONCATENATED MODULE: ./build/src/retry.js
const DEFAULT_RETRY = { baseMs: 1000, capMs: 30_000, budgetMs: 120_000 };
/** The budget grows with the request timeout, so that a slow answer can be waited for twice. */
function retryFor(requestTimeoutMs) {
    return { ...DEFAULT_RETRY, budgetMs: Math.max(DEFAULT_RETRY.budgetMs, 2 * requestTimeoutMs) };
}
/** 408 and 429 are the service asking to slow down; the 5xx are the service or a proxy in trouble. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
/** Full jitter: a uniformly random wait up to the exponential bound (attempt 0 is the first retry). */
function backoffMs(attempt, policy, random) {
    const bound = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
    return Math.floor(random() * bound);
}
/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(header, nowMs) {
    if (!header)
        return undefined;
    const text = header.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
/**
 * How far past Retry-After a retry may be spread: half the wait, at least a second, at most the cap.
 * Runs throttled in the same window are told the same Retry-After; retrying all at that instant
 * meets the next window's limit together, and some then starve.
 */
function retryAfterSpreadMs(retryAfterMs, policy) {
    return Math.min(policy.capMs, Math.max(1000, retryAfterMs / 2));
}
/**
 * The wait before the next attempt: the backoff, or, when the service asked for a wait, never less
 * than its Retry-After and spread at random over `retryAfterSpreadMs` past it.
 */
function nextDelayMs(attempt, retryAfterMs, policy, random) {
    const backoff = backoffMs(attempt, policy, random);
    if (retryAfterMs === undefined)
        return backoff;
    return Math.max(backoff, retryAfterMs + Math.floor(random() * retryAfterSpreadMs(retryAfterMs, policy)));
}

;// CONCATENATED MODULE: ./build/src/http.js







/** A host that has not answered once in this run is given up on after this long: it is likely mistyped. */
const UNREACHED_BUDGET_MS = 60_000;
/** Retries of one request are shown (not only in the debug log) once they have gone on this long… */
const SHOW_AFTER_MS = 30_000;
/** …and then at most this often. */
const SHOW_EVERY_MS = 60_000;
const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** A fault before the host answered anything: no such name, nothing listening, no TLS handshake. */
class Unreached extends TransientError {
    name = 'Unreached';
}
/** Errors of Node's own checks on a request, before anything is sent. */
const LOCAL = new Set([
    'ERR_INVALID_CHAR',
    'ERR_INVALID_HTTP_TOKEN',
    'ERR_HTTP_INVALID_HEADER_VALUE',
    'ERR_INVALID_URL',
]);
/** Network errors raised before any byte of the request could leave: no host, no listener. */
const NEVER_CONNECTED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * The client passes a URL's hostname to Node as it is, so an IPv6 literal arrives as `[::1]` and
 * goes to DNS; Node wants it without the brackets.
 */
const IPV6_LITERAL = {
    prepareRequest: (options) => {
        if (options.host?.startsWith('['))
            options.host = options.host.slice(1, -1);
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not an authentication handler')),
};
/**
 * The one HTTP client. Each request is retried on transient faults within its budget; the answer
 * of any other status is returned for the caller to explain. Redirects are never followed, so a
 * request and its credentials cannot be moved to another origin.
 */
class Http {
    options;
    client;
    retry;
    random;
    maxBodyBytes;
    /** Requests that must not run twice (a go-live POST) this client has sent: for what a cancel says. */
    writesSent = 0;
    /** Origins that have given an HTTP answer in this run: past that, the long retry budget applies. */
    answered = new Set();
    constructor(options) {
        this.options = options;
        this.client = new lib_HttpClient(options.userAgent, [IPV6_LITERAL], {
            allowRedirects: false,
            allowRetries: false,
            // One connection per origin, reused: no second TLS handshake for the read after a start, or
            // the poll after a token renewal. Node unrefs idle kept-alive sockets, so the process still
            // exits as soon as the action is done.
            keepAlive: true,
            socketTimeout: options.requestTimeoutMs,
        });
        this.retry = options.retry ?? retryFor(options.requestTimeoutMs);
        this.random = options.random ?? Math.random;
        this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    }
    async request(request) {
        const { clock, signal } = this.options;
        const started = clock.now();
        const reasons = [];
        let shownAt;
        for (;;) {
            let fault;
            try {
                return await this.attempt(request);
            }
            catch (error) {
                if (!(error instanceof TransientError) || error instanceof Throttled)
                    throw error;
                fault = error;
            }
            reasons.push(fault.message);
            const wait = this.retryWait(reasons, fault.retryAfterMs, started, request.purpose);
            // A host that never answered (no DNS name, nothing listening, no TLS) is most often mistyped.
            if (fault instanceof Unreached && !this.answered.has(request.url.origin)) {
                const elapsed = clock.now() - started;
                if (elapsed + wait > UNREACHED_BUDGET_MS) {
                    throw new GaveUp(`Could not ${request.purpose}: ${request.url.host} has not answered in ${formatDuration(elapsed)} (${attempts(reasons)}: ${summarise(reasons)}). Check ${request.check ?? 'base-url'}: is the host name right, and can the runner reach it?`);
                }
            }
            const failingFor = clock.now() - started;
            if (failingFor + wait >= SHOW_AFTER_MS && (shownAt === undefined || clock.now() - shownAt >= SHOW_EVERY_MS)) {
                shownAt = clock.now();
                const budget = this.answered.has(request.url.origin) ? this.retry.budgetMs : UNREACHED_BUDGET_MS;
                this.options.info?.(`Still trying to ${request.purpose} (${reasons.length} attempts over ${formatDuration(failingFor)}, last: ${fault.message}); the action keeps trying for up to ${formatDuration(Math.max(0, budget - failingFor))} more.`);
            }
            await clock.sleep(wait, signal);
        }
    }
    /**
     * The wait before the next attempt of a request whose `reasons.length` attempts since `started`
     * failed: backoff with jitter, Retry-After honoured; GaveUp past the retry budget. Also for a
     * caller that sends again, itself, a request that must not run twice.
     */
    retryWait(reasons, retryAfterMs, started, purpose) {
        const delay = nextDelayMs(reasons.length - 1, retryAfterMs, this.retry, this.random);
        const elapsed = this.options.clock.now() - started;
        if (elapsed + delay > this.retry.budgetMs) {
            throw new GaveUp(`Could not ${purpose}: ${attempts(reasons)} failed over ${formatDuration(elapsed)} (${summarise(reasons)}).`);
        }
        this.options.debug?.(`retrying in ${formatDuration(delay)}: ${reasons.at(-1) ?? ''}`);
        return delay;
    }
    /** One attempt: a TransientError for anything worth retrying, the response otherwise. */
    async attempt(request) {
        const { clock, signal } = this.options;
        const started = clock.now();
        const line = `${request.method} ${request.url.pathname}`;
        let response;
        if (request.repeatable === false)
            this.writesSent++;
        try {
            response = await cancellable(this.exchange(request), signal);
        }
        catch (error) {
            if (error instanceof Cancelled || error instanceof ActionError)
                throw error;
            // Node refused to build the request (a header value it cannot send): a local error, never
            // worth a retry. Credentials are checked before they get here; this is the last guard.
            const code = error?.code ?? '';
            if (LOCAL.has(code)) {
                throw new ActionError(`Could not ${request.purpose}: the request could not be built (${code}).`);
            }
            const reason = networkReason(error);
            this.options.debug?.(`${line} failed: ${reason} (${formatDuration(clock.now() - started)})`);
            // A connection that was never made cannot have carried the request: retried as any fault.
            const unreached = NEVER_CONNECTED.has(code) || /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code);
            if (request.repeatable === false && !unreached)
                throw new MaybeSent(reason);
            throw unreached ? new Unreached(reason) : new TransientError(reason);
        }
        this.options.debug?.(`${line} -> ${response.status} (${formatDuration(clock.now() - started)})`);
        this.answered.add(request.url.origin);
        if (REDIRECT.has(response.status)) {
            const to = String(response.headers.location ?? '');
            let where = 'an unnamed place';
            try {
                const target = new URL(to, request.url);
                where = `${target.origin}${target.pathname}`;
            }
            catch {
                // An unreadable Location is reported as unnamed.
            }
            throw new ActionError(`The service answered "${request.purpose}" with a redirect (${response.status}) to ${where}; redirects are not followed, so credentials stay on their origin. Check ${request.check ?? 'base-url'}.`);
        }
        const once = request.repeatable === false;
        if (isRetryableStatus(response.status)) {
            const reason = `HTTP ${response.status}${errorDetail(response.json)}`;
            // An HTTP date is read against the answer's own Date, so a skewed local clock does not matter.
            // Honoured on every status that carries it, a write's 5xx too.
            const served = Date.parse(header(response.headers, 'date') ?? '');
            const after = parseRetryAfter(header(response.headers, 'retry-after'), Number.isNaN(served) ? Date.now() : served);
            if (once && response.status !== 429)
                throw new MaybeSent(reason, after);
            throw once ? new Throttled(reason, after) : new TransientError(reason, after);
        }
        if (request.expectJson && response.status < 300 && response.json === undefined) {
            const reason = `HTTP ${response.status} with a body that is not JSON`;
            throw once ? new MaybeSent(reason) : new TransientError(reason);
        }
        return response;
    }
    async exchange(request) {
        const res = await this.client.request(request.method, request.url.href, request.body ?? null, {
            Accept: 'application/json',
            ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...request.headers,
        });
        const message = res.message;
        const timer = setTimeout(() => message.destroy(new Error(`no complete answer within ${formatDuration(this.options.requestTimeoutMs)}`)), this.options.requestTimeoutMs);
        try {
            const chunks = [];
            let size = 0;
            for await (const chunk of message) {
                size += chunk.length;
                if (size > this.maxBodyBytes) {
                    message.destroy();
                    throw new ActionError(`The answer to "${request.purpose}" is larger than ${Math.round(this.maxBodyBytes / 1024)} KiB, far more than the service sends; it was not read. Check base-url.`);
                }
                chunks.push(chunk);
            }
            const text = Buffer.concat(chunks).toString('utf8');
            return { status: message.statusCode ?? 0, headers: message.headers, text, json: parseJson(text) };
        }
        finally {
            clearTimeout(timer);
        }
    }
}
/** Undefined for an empty body too: JSON.parse refuses it. */
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function networkReason(error) {
    const e = error;
    const code = e?.code ? `${e.code}` : '';
    const message = e instanceof Error ? e.message : String(error);
    if (code && !message.includes(code))
        return `${code}: ${message}`;
    return message || code || 'network error';
}
/** `1 attempt`, `4 attempts`: one per reason. */
const attempts = (reasons) => `${reasons.length} attempt${reasons.length > 1 ? 's' : ''}`;
/** `3 x HTTP 503, 1 x ECONNRESET: socket hang up`: the distinct reasons, counted, in first-seen order. */
function summarise(reasons) {
    const counts = new Map();
    for (const reason of reasons)
        counts.set(reason, (counts.get(reason) ?? 0) + 1);
    return [...counts].map(([reason, n]) => (n > 1 ? `${n} x ${reason}` : reason)).join(', ');
}

;// CONCATENATED MODULE: ./build/src/runner.js


/** Failure lines may carry several reasons; other lines are cut at the sanitiser's default. */
const MAX_FAILURE = 8000;
/**
 * The run page: the only way out of the action to the runner. Every line, annotation and group
 * name passes the sanitiser here, so no call site has to remember it. Masking (`setSecret`) and
 * outputs are written as given: they are the action's own, built from validated parts.
 */
class RunPage {
    /** Why an output could not be written, once: the step then fails with it. */
    outputProblem;
    info = (line) => info(forLog(line));
    debug = (line) => core_debug(forLog(line));
    notice = (line) => notice(forLog(line));
    warning = (line, title) => warning(forLog(line, MAX_FAILURE), title ? { title: forLog(title, 200) } : {});
    error = (line, title) => error(forLog(line, MAX_FAILURE), title ? { title: forLog(title, 200) } : {});
    fail = (line) => setFailed(forLog(line, MAX_FAILURE));
    mask = (secret) => core_setSecret(secret);
    group(name, work) {
        return group(forLog(name), work);
    }
    /**
     * Outputs are written exactly: each is built by the action from validated parts (a URL on
     * base-url's origin, the id in it, a status word), never from service text, and a later run
     * must be able to resume from them. One that cannot be written is told once, not thrown.
     */
    output(name, value) {
        try {
            setOutput(name, value);
        }
        catch (error) {
            this.outputProblem ??= `Could not write the step output '${name}' to GITHUB_OUTPUT (${reason(error)})`;
        }
    }
}
function reason(error) {
    const e = error;
    return (e?.code ? `${e.code}: ` : '') + (e instanceof Error ? e.message : String(error)).split('\n')[0];
}

;// CONCATENATED MODULE: ./build/src/settings.js




/** `cancel: true` cancels; operation-location or `start: false` follows; else the run starts. */
function intentOf(inputs) {
    if (inputs.cancel)
        return 'cancel';
    return inputs.start && !inputs.operationLocation ? 'start' : 'follow';
}
/** Inputs whose values are secrets, or personal data: masked before anything else reads them. */
const MASKED_INPUTS = ['token', 'client-secret', 'notification-emails'];
/** Defaults that do not depend on the API; base-url and api-version come from the API's own. */
const DEFAULTS = {
    target: 'live',
    'dry-run': 'false',
    cancel: 'false',
    start: 'true',
    wait: 'false',
    timeout: '5h',
    'poll-interval': '1m',
    // Answers slower than a minute are normal for these services; a silent socket is still cut.
    'request-timeout': '5m',
    'fail-on-timeout': 'true',
    'authority-host': 'https://login.microsoftonline.com',
};
/** The CPP service rejects fast polling; loopback (the simulator) may poll as fast as a test needs. */
const MIN_REMOTE_POLL_MS = 5000;
const BEARER = /^bearer\s+/i;
/** GitHub-hosted jobs are stopped after this long. */
const HOSTED_JOB_LIMIT_MS = 6 * 3_600_000;
/**
 * `apis`: the back ends the `api` input may name (src/apis.ts). Without `api`, a `publisher-id`
 * means the one API that takes a publisher (the Cloud Partner Portal), none the other.
 */
function readSettings(readInput, apis) {
    const remarks = [];
    const given = readInput('api').trim();
    const publisherGiven = readInput('publisher-id').trim() !== '';
    const api = given ? readApi(given, apis) : (apis.find((a) => a.needsPublisher === publisherGiven) ?? apis[0]);
    const which = given
        ? `api: ${api.name}`
        : `api: ${api.name}, assumed because publisher-id is ${api.needsPublisher ? '' : 'not '}given`;
    const other = apis.find((a) => a !== api);
    const input = (name) => readInput(name).trim() || { ...DEFAULTS, ...api.defaults }[name] || '';
    if (!input('offer-id')) {
        throw new ActionError(`Input 'offer-id' is required (${which}): the id of the offer to put live.`);
    }
    if (api.needsPublisher && !input('publisher-id')) {
        throw new ActionError(`Input 'publisher-id' is required for ${which}.${other ? ` For a Partner Center offer, use api: ${other.name} (or leave api out), which needs no publisher-id.` : ''}`);
    }
    if (!api.needsPublisher && publisherGiven) {
        remarks.push({
            level: 'warning',
            text: `Input 'publisher-id' is not used by api: ${api.name} (the account comes from the token); leave it out, or set api: ${other?.name ?? 'cloud-partner-portal'} if the offer is served by that API.`,
        });
    }
    const publisherId = api.needsPublisher ? pathSegment(input('publisher-id'), 'publisher-id') : '';
    const givenOfferId = pathSegment(input('offer-id'), 'offer-id');
    const offerId = api.normaliseOfferId?.(givenOfferId) ?? givenOfferId;
    if (offerId !== givenOfferId) {
        remarks.push({
            level: 'notice',
            text: `Offer ids are lower-case on ${api.title}: looking up '${offerId}' for offer-id '${givenOfferId}'.`,
        });
    }
    const baseUrl = parseServiceUrl(input('base-url'), 'base-url');
    const apiVersion = input('api-version');
    if (!/^[0-9A-Za-z.-]+$/.test(apiVersion)) {
        throw new ActionError(`Input 'api-version' is '${apiVersion}'; use a version such as ${api.defaults['api-version']}.`);
    }
    const pollIntervalMs = parseDuration(input('poll-interval'), 'poll-interval');
    if (pollIntervalMs < MIN_REMOTE_POLL_MS && !isLoopback(baseUrl)) {
        throw new ActionError(`Input 'poll-interval' must be at least 5s against ${baseUrl.host}; it is '${input('poll-interval')}'.`);
    }
    const timeoutMs = parseDuration(input('timeout'), 'timeout');
    const wait = bool(input('wait'), 'wait');
    if (wait && timeoutMs > HOSTED_JOB_LIMIT_MS) {
        remarks.push({
            level: 'warning',
            text: `Input 'timeout' is ${input('timeout')}, longer than GitHub-hosted jobs may run (6h): such a job is stopped first. For longer go-lives, start without waiting and follow with start: false (README, "Start now, follow later").`,
        });
    }
    // A token pasted with its scheme: the scheme is the action's to add.
    const token = input('token').replace(BEARER, '');
    if (token !== input('token')) {
        remarks.push({
            level: 'notice',
            text: "Input 'token' began with 'Bearer '; the action sends the token without it (pass the token alone).",
        });
    }
    const target = readTarget(input('target'));
    const notificationEmails = readEmails(readInput('notification-emails'));
    if (notificationEmails.length && !(api.needsPublisher && target === 'preview')) {
        remarks.push({
            level: 'warning',
            text: target === 'preview'
                ? `Input 'notification-emails' is not used by api: ${api.name}: Partner Center mails the publisher's own contacts; leave it out.`
                : "Input 'notification-emails' is used only with target: preview (a go-live takes no addresses); leave it out.",
        });
    }
    // Read in this order, so that of several bad inputs the same one is named first.
    const auth = readAuth((name) => (name === 'token' ? token : input(name)), api, which, other);
    const start = bool(input('start'), 'start');
    const dryRun = bool(input('dry-run'), 'dry-run');
    const cancel = bool(input('cancel'), 'cancel');
    const requestTimeoutMs = parseDuration(input('request-timeout'), 'request-timeout');
    const failOnTimeout = bool(input('fail-on-timeout'), 'fail-on-timeout');
    const location = input('operation-location');
    const operationLocation = location ? readOperationLocation(location, api, baseUrl, apis) : undefined;
    return {
        api,
        publisherId,
        offerId,
        auth,
        target,
        notificationEmails,
        intent: intentOf({ cancel, start, operationLocation }),
        dryRun,
        wait,
        timeoutMs,
        pollIntervalMs,
        requestTimeoutMs,
        failOnTimeout,
        operationLocation,
        baseUrl,
        apiVersion,
        remarks,
    };
}
/** operation-location as `api` reads it; one that is another API's go-live says so, and which. */
function readOperationLocation(value, api, baseUrl, apis) {
    try {
        return api.operationUrl(value, baseUrl, 'operation-location');
    }
    catch (error) {
        for (const other of apis.filter((a) => a !== api)) {
            try {
                other.operationUrl(value, new URL(other.defaults['base-url']), 'operation-location');
            }
            catch {
                continue;
            }
            throw new ActionError(`Input 'operation-location' is a go-live of the ${other.title} API, and this run uses api: ${api.name}: set api: ${other.name} (as the run that printed it did).`);
        }
        throw error;
    }
}
function readApi(name, apis) {
    const api = apis.find((a) => a.name === name);
    if (!api) {
        throw new ActionError(`Input 'api' is '${name}'; use ${apis.map((a) => a.name).join(' or ')}.`);
    }
    return api;
}
function readAuth(input, api, which, other) {
    const token = input('token');
    const tenantId = input('tenant-id');
    const clientId = input('client-id');
    const clientSecret = input('client-secret');
    if (token) {
        if (tenantId || clientId || clientSecret) {
            throw new ActionError("Give one way to sign in: either 'token', or 'tenant-id' and 'client-id' (with 'client-secret', or without it for GitHub OIDC), not both.");
        }
        return { kind: 'token', token };
    }
    if (!tenantId || !clientId) {
        const missing = !tenantId && !clientId ? "'token', or 'tenant-id' and 'client-id'" : tenantId ? "'client-id'" : "'tenant-id'";
        throw new ActionError(`No way to sign in: set ${missing} (with 'client-secret', or without it to use GitHub OIDC federation), for ${which}; a token must be issued for ${api.tokenResource}.${other ? ` For an offer of the ${other.title} API, set api: ${other.name}${other.needsPublisher ? ' and publisher-id' : api.needsPublisher ? ' (or leave publisher-id out)' : ''}.` : ''}`);
    }
    const app = {
        tenantId: pathSegment(tenantId, 'tenant-id'),
        clientId: pathSegment(clientId, 'client-id'),
        authorityHost: parseServiceUrl(input('authority-host'), 'authority-host'),
    };
    return clientSecret ? { kind: 'client-secret', clientSecret, ...app } : { kind: 'oidc', ...app };
}
/**
 * Ids go into URL paths: anything that could change the path or query is refused, not escaped;
 * so is a look-alike that a gateway normalising Unicode (NFKC) would turn into one ('／', '？',
 * '＃', '＼', '．．', '‥').
 */
function pathSegment(value, inputName) {
    if (!value)
        throw new ActionError(`Input '${inputName}' is required.`);
    const folded = value.normalize('NFKC');
    for (const form of [value, folded]) {
        if (form === '.' || form === '..' || /[/?#%\\\s\p{Cc}]/u.test(form)) {
            throw new ActionError(`Input '${inputName}' is '${value}', which is not an id: it must not contain '/', '?', '#', '%', '\\' or spaces, nor be '.' or '..'${form === value ? '' : ', nor characters that read as those (such as fullwidth ones)'}.`);
        }
    }
    return value;
}
function readTarget(value) {
    const stage = STAGE_NAMES.find((name) => name === value);
    if (stage)
        return stage;
    const choices = STAGE_NAMES.map((name) => `${name} (${STAGES[name].does})`);
    throw new ActionError(`Input 'target' is '${value}'; use ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}.`);
}
const settings_EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>".]+$/;
/**
 * `a@x.com,b@y.com`: the addresses, each checked. They are personal data: a message names an
 * entry by its place, never by its text.
 */
function readEmails(value) {
    if (!value.trim())
        return [];
    const list = value.split(',').map((e) => e.trim());
    const bad = list.findIndex((e) => !settings_EMAIL.test(e));
    if (bad >= 0) {
        throw new ActionError(`Input 'notification-emails' has an entry that is not an e-mail address (entry ${bad + 1} of ${list.length}): give addresses separated by commas, such as release@contoso.com,ops@contoso.com.`);
    }
    return list;
}
function bool(value, inputName) {
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new ActionError(`Input '${inputName}' is '${value}'; use true or false.`);
}

;// CONCATENATED MODULE: ./build/src/start.js
/**
 * The start intent: the stage decides from its reads what this run should do, then a real run
 * carries that decision out and follows what it started or found; a dry run says it and stops.
 */




async function start(run) {
    const { settings, service, page } = run;
    const noun = NOUN[settings.target];
    if (settings.dryRun) {
        const decision = await page.group(`Decide the ${noun} (dry run: nothing is sent)`, () => service.decide());
        return dryRun(run, decision);
    }
    const begun = await begin(run, `Start the ${noun}`, async () => act(await service.decide(), page.info));
    if (begun)
        await watch(run, begun.first);
}
/**
 * A dry run prints the decision a real run would carry out (refusing with the same line) and the
 * request it would send. Nothing is written, nothing waited for; `status` is the operation it
 * would follow, else the offer's current one of this stage.
 */
async function dryRun(run, decision) {
    const { settings, service, page, report } = run;
    const noun = NOUN[settings.target];
    if (decision.kind === 'refuse')
        throw new ActionError(decision.line);
    const request = decision.kind === 'send' ? decision.request : undefined;
    report.plan = { what: decision.what, request };
    if (decision.kind === 'follow')
        track(run, decision.tracked);
    const current = decision.kind === 'follow' ? decision.tracked : await service.find();
    const op = current ? await service.read(current.location) : undefined;
    report.op = op;
    report.outcome = 'dry-run';
    page.info(`Dry run: this step would ${decision.what}.`);
    if (request) {
        const { line, body } = describeRequest(request);
        page.info(`Dry run: it would send ${line}${body ? ` with the body ${body}` : ' with no body'}. Nothing was sent.`);
    }
    page.info(op
        ? `The offer's current ${noun} reads ${op.rawStatus} (the status output).`
        : `The offer has no ${noun} yet (no status output).`);
}

;// CONCATENATED MODULE: ./build/src/version.js
/** Kept equal to package.json's version by a test; sent in the User-Agent. */
const VERSION = '1.1.0';
const USER_AGENT = `cpp-go-live-action/${VERSION}`;

;// CONCATENATED MODULE: ./build/src/main.js















/** The rooms of the run's intents, side by side: each decides, acts (or says, in a dry run) and reports. */
const INTENTS = { start: start, follow: follow, cancel: cancel };
/** inputs -> settings -> credentials -> the intent (start, follow or cancel) -> wait -> report */
async function run({ clock, signal } = { clock: systemClock }) {
    const startedAt = clock.now();
    const report = { outcome: 'error', elapsedMs: 0 };
    const page = new RunPage();
    // Read when the run fails: whether a go-live request went out.
    let client;
    try {
        for (const name of MASKED_INPUTS) {
            const value = getInput(name);
            if (value)
                page.mask(value);
        }
        const settings = readSettings((name) => getInput(name), APIS);
        // The token the action sends may be a part of the input (without 'Bearer '): masked as well.
        if (settings.auth.kind === 'token')
            page.mask(settings.auth.token);
        for (const address of settings.notificationEmails)
            page.mask(address);
        for (const remark of settings.remarks)
            (remark.level === 'warning' ? page.warning : page.notice)(remark.text);
        report.publisherId = settings.publisherId || undefined;
        report.offerId = settings.offerId;
        report.api = settings.api.title;
        report.starting = settings.intent === 'start' && !settings.dryRun;
        report.target = settings.target;
        report.mode = settings.intent === 'cancel' ? 'cancel' : settings.dryRun ? 'dry-run' : undefined;
        const http = new Http({
            userAgent: USER_AGENT,
            clock,
            signal,
            requestTimeoutMs: settings.requestTimeoutMs,
            debug: page.debug,
            info: page.info,
        });
        client = http;
        const credentials = await page.group('Sign in', () => signIn(settings.auth, {
            resource: settings.api.tokenResource,
            http,
            clock,
            mask: page.mask,
            log: page.info,
        }));
        const service = connect(settings.api, { http, credentials, settings, clock, signal, log: page.info });
        const run = {
            settings,
            service,
            page,
            report,
            progress: new ProgressLog(clock, startedAt, page.info),
            clock,
            signal,
        };
        await INTENTS[settings.intent](run);
    }
    catch (error) {
        report.requestSent = (client?.writesSent ?? 0) > 0;
        fail(report, error, page);
    }
    finally {
        report.elapsedMs = clock.now() - startedAt;
        if (report.op)
            page.output('status', report.op.status);
        if (page.outputProblem) {
            const location = report.tracked?.location;
            page.fail(`${page.outputProblem}.${location ? ` ${resumeHint(location, report.target)}` : ''}`);
        }
        await writeSummary(report, page);
    }
}
function fail(report, error, page) {
    const location = report.tracked?.location;
    const noun = NOUN[report.target ?? 'live'];
    if (error instanceof Cancelled) {
        report.outcome = 'interrupted';
        page.fail(location
            ? `Cancelled: stopped waiting. ${resumeHint(location, report.target)}`
            : report.requestSent
                ? `Cancelled after the ${noun} request was sent and before the service answered it: the ${noun} may have started. Re-running this step attaches to it instead of starting another; start: false follows it.`
                : `Cancelled before any ${noun} request was sent: nothing was started.`);
        return;
    }
    report.outcome = 'error';
    if (error instanceof Refused)
        report.op = error.op;
    if (error instanceof ActionError) {
        report.error = error.message;
        // A go-live the service says does not exist, or refused, goes on nowhere, and one this run
        // meant to cancel is not to be waited on: no hint to resume either.
        const resumable = location && !(error instanceof NotFound || error instanceof Refused) && report.mode !== 'cancel';
        page.fail(resumable ? `${error.message} ${resumeHint(location, report.target)}` : error.message);
        return;
    }
    // A bug: its stack goes to the debug log, never to the run page's failure line.
    report.error = 'Unexpected error; see the log.';
    for (const line of (error instanceof Error ? (error.stack ?? '') : '').split('\n'))
        page.debug(line);
    page.fail(`Unexpected error: ${reason(error)}. Please report it; the debug log (ACTIONS_STEP_DEBUG) has the details.`);
}
async function writeSummary(report, page) {
    if (!process.env.GITHUB_STEP_SUMMARY || !report.offerId)
        return;
    try {
        await summary.addRaw(renderSummary(report), true).write();
    }
    catch (error) {
        page.warning(`Could not write the job summary to GITHUB_STEP_SUMMARY (${reason(error)}).`);
    }
}

;// CONCATENATED MODULE: ./build/src/index.js



// The runner cancels a job with SIGINT, then SIGTERM 7.5 s later: stop waiting at the first one.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
run({ clock: systemClock, signal: controller.signal }).then(() => {
    // A request cut short by the cancellation may still hold a socket open: do not wait for it.
    if (controller.signal.aborted)
        process.exit();
}, 
// run() reports every failure itself; this only keeps a bug in that reporting from going unheard.
(error) => {
    process.exitCode = 1;
    process.stdout.write(`::error::Unexpected error: ${forLog(String(error))}\n`);
});

