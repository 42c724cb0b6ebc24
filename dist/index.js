import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_modules__ = ({

770:
((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


}),

218:
((__unused_webpack_module, exports, __nccwpck_require__) => {

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
  self.requests.push(options);
  return;
  }

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
  connectReq.useChunkedEncodingByDefault = false; 
  connectReq.once('response', onResponse); 
  connectReq.once('upgrade', onUpgrade);   
  connectReq.once('connect', onConnect);   
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
  res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
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

  var secureSocket = tls.connect(0, tlsOptions);
  self.sockets[self.sockets.indexOf(socket)] = secureSocket;
  cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { 
  return {
    host: host,
    port: port,
    localAddress: localAddress
  };
  }
  return host; 
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
__webpack_unused_export__ = debug; 


}),

613:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

}),

434:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

}),

611:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

}),

692:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

}),

278:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

}),

756:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

}),

23:
((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

})

});
var __webpack_module_cache__ = {};
function __nccwpck_require__(moduleId) {
var cachedModule = __webpack_module_cache__[moduleId];
if (cachedModule !== undefined) {
return cachedModule.exports;
}
var module = __webpack_module_cache__[moduleId] = {
exports: {}
};
var threw = true;
try {
__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
threw = false;
} finally {
if(threw) delete __webpack_module_cache__[moduleId];
}
return module.exports;
}
if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
(() => {
var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
var leafPrototypes;
__nccwpck_require__.t = function(value, mode) {
if(mode & 1) value = this(value);
if(mode & 8) return value;
if(typeof value === 'object' && value) {
if((mode & 4) && value.__esModule) return value;
if((mode & 16) && typeof value.then === 'function') return value;
}
var ns = Object.create(null);
__nccwpck_require__.r(ns);
var def = {};
leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
}
def['default'] = () => (value);
__nccwpck_require__.d(ns, def);
return ns;
};
})();
(() => {
__nccwpck_require__.d = (exports, definition) => {
for(var key in definition) {
if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
}
}
};
})();
(() => {
__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
})();
(() => {
__nccwpck_require__.r = (exports) => {
if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
}
Object.defineProperty(exports, '__esModule', { value: true });
};
})();
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./build/bundle/src/errors.js
class ActionError extends Error {
  name = 'ActionError';
}
class Cancelled extends Error {
  name = 'Cancelled';
  constructor() {
    super('cancelled');
  }
}
class TransientError extends Error {
  retryAfterMs;
  name = 'TransientError';
  constructor(message, retryAfterMs) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}
class Throttled extends TransientError {
  name = 'Throttled';
}
class GaveUp extends ActionError {
  name = 'GaveUp';
}
class NotFound extends ActionError {
  name = 'NotFound';
}
class MaybeSent extends Error {
  retryAfterMs;
  name = 'MaybeSent';
  constructor(message, retryAfterMs) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}
class Refused extends ActionError {
  op;
  name = 'Refused';
  constructor(message, op) {
    super(message);
    this.op = op;
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/duration.js

const MAX_TIMER_MS = 2 ** 31 - 1;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
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

;// CONCATENATED MODULE: ./build/bundle/src/clock.js


const systemClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
      return reject(new Cancelled());
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
function utils_toCommandValue(input) {
  if (input === null || input === undefined) {
    return '';
  }
  else if (typeof input === 'string' || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
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
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


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
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js




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
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = __nccwpck_require__.t(external_http_, 2);
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = __nccwpck_require__.t(external_https_, 2);
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
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === 'number') {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
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
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./stubs/undici/index.js
class ProxyAgent {
  constructor() {
  throw new Error(
    'undici is not bundled with this action: @actions/http-client getAgentDispatcher() is not supported',
  )
  }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
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
  request(verb, requestUrl, data, headers) {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._disposed) {
        throw new Error('Client has already been disposed.');
      }
      const parsedUrl = new URL(requestUrl);
      let info = this._prepareRequest(verb, parsedUrl, headers);
      const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
        ? this._maxRetries + 1
        : 1;
      let numTries = 0;
      let response;
      do {
        response = yield this.requestRaw(info, data);
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
            break;
          }
          const parsedRedirectUrl = new URL(redirectUrl);
          if (parsedUrl.protocol === 'https:' &&
            parsedUrl.protocol !== parsedRedirectUrl.protocol &&
            !this._allowRedirectDowngrade) {
            throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
          }
          yield response.readBody();
          if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
            for (const header in headers) {
              if (header.toLowerCase() === 'authorization') {
                delete headers[header];
              }
            }
          }
          info = this._prepareRequest(verb, parsedRedirectUrl, headers);
          response = yield this.requestRaw(info, data);
          redirectsRemaining--;
        }
        if (!response.message.statusCode ||
          !HttpResponseRetryCodes.includes(response.message.statusCode)) {
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
  dispose() {
    if (this._agent) {
      this._agent.destroy();
    }
    this._disposed = true;
  }
  requestRaw(info, data) {
    return __awaiter(this, void 0, void 0, function* () {
      return new Promise((resolve, reject) => {
        function callbackForResult(err, res) {
          if (err) {
            reject(err);
          }
          else if (!res) {
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
    req.setTimeout(this._socketTimeout || 3 * 60000, () => {
      if (socket) {
        socket.end();
      }
      handleResult(new Error(`Request timeout: ${info.options.path}`));
    });
    req.on('error', function (err) {
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
    if (agent) {
      return agent;
    }
    const usingSsl = parsedUrl.protocol === 'https:';
    let maxSockets = 100;
    if (this.requestOptions) {
      maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
    }
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
    if (!agent) {
      const options = { keepAlive: this._keepAlive, maxSockets };
      agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
      this._agent = agent;
    }
    if (usingSsl && this._ignoreSslError) {
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
    if (proxyAgent) {
      return proxyAgent;
    }
    const usingSsl = parsedUrl.protocol === 'https:';
    proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
      token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
    })));
    this._proxyAgentDispatcher = proxyAgent;
    if (usingSsl && this._ignoreSslError) {
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
        if (statusCode === HttpCodes.NotFound) {
          resolve(response);
        }
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
        }
        if (statusCode > 299) {
          let msg;
          if (obj && obj.message) {
            msg = obj.message;
          }
          else if (contents && contents.length > 0) {
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
  prepareRequest(options) {
    if (!options.headers) {
      throw Error('The request has no headers');
    }
    options.headers['Authorization'] = `Bearer ${this.token}`;
  }
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
  prepareRequest(options) {
    if (!options.headers) {
      throw Error('The request has no headers');
    }
    options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
  }
  canHandleAuthentication() {
    return false;
  }
  handleAuthentication() {
    return auth_awaiter(this, void 0, void 0, function* () {
      throw new Error('not implemented');
    });
  }
}
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
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs)
      .map(([key, value]) => ` ${key}="${value}"`)
      .join('');
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  write(options) {
    return summary_awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
      return this.emptyBuffer();
    });
  }
  clear() {
    return summary_awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  stringify() {
    return this._buffer;
  }
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  emptyBuffer() {
    this._buffer = '';
    return this;
  }
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  addEOL() {
    return this.addRaw(external_os_namespaceObject.EOL);
  }
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, (lang && { lang }));
    const element = this.wrap('pre', this.wrap('code', code), attrs);
    return this.addRaw(element).addEOL();
  }
  addList(items, ordered = false) {
    const tag = ordered ? 'ol' : 'ul';
    const listItems = items.map(item => this.wrap('li', item)).join('');
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
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
  addDetails(label, content) {
    const element = this.wrap('details', this.wrap('summary', label) + content);
    return this.addRaw(element).addEOL();
  }
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
    const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
      ? tag
      : 'h1';
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  addSeparator() {
    const element = this.wrap('hr', null);
    return this.addRaw(element).addEOL();
  }
  addBreak() {
    const element = this.wrap('br', null);
    return this.addRaw(element).addEOL();
  }
  addQuote(text, cite) {
    const attrs = Object.assign({}, (cite && { cite }));
    const element = this.wrap('blockquote', text, attrs);
    return this.addRaw(element).addEOL();
  }
  addLink(text, href) {
    const element = this.wrap('a', text, { href });
    return this.addRaw(element).addEOL();
  }
}
const _summary = new Summary();
const markdownSummary = ( null && (_summary));
const summary = _summary;
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

function toPosixPath(pth) {
  return pth.replace(/[\\]/g, '/');
}
function toWin32Path(pth) {
  return pth.replace(/[/]/g, '\\');
}
function toPlatformPath(pth) {
  return pth.replace(/[/\\]/g, path.sep);
}
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






var ExitCode;
(function (ExitCode) {
  ExitCode[ExitCode["Success"] = 0] = "Success";
  ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env['GITHUB_ENV'] || '';
  if (filePath) {
    return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
  }
  issueCommand('set-env', { name }, convertedVal);
}
function core_setSecret(secret) {
  command_issueCommand('add-mask', {}, secret);
}
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
function getMultilineInput(name, options) {
  const inputs = getInput(name, options)
    .split('\n')
    .filter(x => x !== '');
  if (options && options.trimWhitespace === false) {
    return inputs;
  }
  return inputs.map(input => input.trim());
}
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
function setOutput(name, value) {
  const filePath = process.env['GITHUB_OUTPUT'] || '';
  if (filePath) {
    return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
  }
  process.stdout.write(external_os_namespaceObject.EOL);
  command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
function setCommandEcho(enabled) {
  issue('echo', enabled ? 'on' : 'off');
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env['RUNNER_DEBUG'] === '1';
}
function core_debug(message) {
  command_issueCommand('debug', {}, message);
}
function error(message, properties = {}) {
  command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + external_os_namespaceObject.EOL);
}
function startGroup(name) {
  command_issue('group', name);
}
function endGroup() {
  command_issue('endgroup');
}
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
function saveState(name, value) {
  const filePath = process.env['GITHUB_STATE'] || '';
  if (filePath) {
    return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
  }
  issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
  return core_awaiter(this, void 0, void 0, function* () {
    return yield OidcClient.getIDToken(aud);
  });
}




;// CONCATENATED MODULE: ./build/bundle/src/stages.js
const STAGES = {
  live: {
    noun: 'go-live',
    does: 'put the newest preview live',
    resumeInputs: [],
    sameInputs: [],
    waits: false,
    lasting: true,
  },
  preview: {
    noun: 'preview publish',
    does: 'publish the draft to preview',
    resumeInputs: ['target: preview'],
    sameInputs: [],
    waits: false,
    lasting: true,
    imageFirst: 'draft',
  },
  draft: {
    noun: 'draft change',
    does: 'add image-version to the plan in the draft',
    resumeInputs: ['target: draft'],
    sameInputs: ['plan-id', 'image-version', 'image-source'],
    waits: true,
    lasting: false,
  },
};
const STAGE_NAMES = Object.keys(STAGES);
const NOUN = Object.fromEntries(STAGE_NAMES.map((s) => [s, STAGES[s].noun]));

;// CONCATENATED MODULE: ./build/bundle/src/service.js

const PARTNER_CENTER = 'https://partner.microsoft.com/dashboard/commercial-marketplace';
const isDone = (value) => 'done' in value;
async function act(decision, log) {
  switch (decision.kind) {
    case 'refuse':
      throw new ActionError(decision.line);
    case 'follow':
      log(decision.line);
      return decision.tracked;
    case 'none':
      return { done: decision.line };
    case 'send':
      return decision.send();
  }
}
class TooLate extends ActionError {
  op;
  name = 'TooLate';
  constructor(message, op) {
    super(message);
    this.op = op;
  }
}

const connect = (api, deps, stage = deps.settings.target) => api.stages[stage](deps);
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
function lookBudget(settings) {
  return { forMs: Math.min(120_000, settings.timeoutMs), everyMs: Math.min(10_000, settings.pollIntervalMs) };
}
function reviewedRefusal(settings, newest) {
  const { previewId, offerId } = settings;
  if (previewId === undefined || previewId === newest)
    return undefined;
  return newest === undefined
    ? `Cannot go live with preview-id ${previewId}: offer '${offerId}' lists no such preview. Pass the preview-id output of the target: preview run that was reviewed.`
    : `Cannot go live with preview-id ${previewId}: the newest preview of offer '${offerId}' is ${newest}, published after the one reviewed. Review that preview (its target: preview run gives its preview-id), then go live with it.`;
}

;// CONCATENATED MODULE: ./build/bundle/src/sanitize.js
const MAX_LINE = 2000;
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}(?:@|＠|%40|&#0*64;|&#[xX]0*40;|&commat;|\\u0040|\\x40|\s?[([{]\s?[aA][tT]\s?[)\]}]\s?)(?:[\p{L}\p{N}-]{1,63}(?:\.|\s?[([{]\s?[dD][oO][tT]\s?[)\]}]\s?)){1,8}\p{L}{2,63}/gu;
const AT = /[@＠]|%40|&#|&commat;|\\u0040|\\x40|[([{]\s?[aA][tT]\s?[)\]}]/;
function redactEmails(text) {
  return AT.test(text) ? text.replace(EMAIL, '[e-mail redacted]') : text;
}
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
function forLog(text, max = MAX_LINE) {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return redactEmails(cut.replace(BREAKS, ' '))
    .replace(/##\[/g, '## [')
    .replace(/^(\s*):(?=:)/, '$1: ');
}
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };
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
function forMarkdown(text, max = MAX_LINE) {
  return forLog(text, max)
    .replace(/[\\`*_[\]()<>#!|~:&@$]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/(www)\./gi, '$1&#46;');
}
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

;// CONCATENATED MODULE: ./build/bundle/src/url.js

function isLoopback(url) {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
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
function under(root, path) {
  const url = new URL(root.href);
  url.pathname = `${root.pathname.replace(/\/+$/, '')}${path}`;
  return url;
}
function withQuery(url, name, value) {
  const out = new URL(url.href);
  if (out.searchParams.has(name))
    return out;
  const pair = `${encodeURIComponent(name).replace(/%24/g, '$')}=${encodeURIComponent(value)}`;
  out.search = out.search ? `${out.search}&${pair}` : `?${pair}`;
  return out;
}
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

;// CONCATENATED MODULE: ./build/bundle/src/image.js



const IMAGE_TYPES = ['x64Gen1', 'x64Gen2', 'arm64Gen2'];
const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+$/;
const GALLERY = /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Compute\/galleries\/[^/]+\/images\/[^/]+\/versions\/[^/]+$/i;
const DAY = 86_400_000;
const SAS_WARN_MS = 21 * DAY;
const MAX_VERSIONS = 100;
const WARN_VERSIONS = 95;
function readImage(inputs, context) {
  const { planId, version, source } = inputs;
  if (!planId && !version && !source)
    return undefined;
  if (!planId)
    throw new ActionError("Input 'plan-id' is required with image-version: the plan's id as Partner Center shows it.");
  if (!version)
    throw new ActionError("Input 'image-version' is required with plan-id: the version number to add or confirm, such as 1.2.0.");
  if (planId.length > 100) {
    throw new ActionError(`Input 'plan-id' is ${planId.length} characters long, which no plan id is: give the plan id shown in Partner Center.`);
  }
  if (!VERSION.test(version) || version.length > 32) {
    throw new ActionError(`Input 'image-version' is '${version}'; the Marketplace takes three numbers separated by dots (such as 1.2.0 or 9.7.2025121501), at most 32 characters.`);
  }
  const request = { planId, version, byType: {} };
  const lines = source
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const typed = /^([A-Za-z0-9]+)\s*=\s*(.*)$/.exec(line);
    const where = lines.length > 1 ? ` (line ${i + 1})` : '';
    const parsed = readSource(typed ? typed[2].trim() : line, inputs.tenantId, context, where);
    if (!typed) {
      if (lines.length > 1 || request.all) {
        throw new ActionError(`Input 'image-source' has several lines: give one source for every image type, or one line per image type such as x64Gen2=SOURCE${where}.`);
      }
      request.all = parsed;
      continue;
    }
    const type = IMAGE_TYPES.find((t) => t.toLowerCase() === typed[1].toLowerCase());
    if (!type) {
      throw new ActionError(`Input 'image-source'${where} names the image type '${typed[1]}'; use ${IMAGE_TYPES.join(', ')}.`);
    }
    if (request.byType[type])
      throw new ActionError(`Input 'image-source' gives image type ${type} twice.`);
    request.byType[type] = parsed;
  }
  if (Object.keys(request.byType).length && !context.galleries) {
    throw new ActionError(`Input 'image-source' gives one source per image type, which api: ${context.apiName} does not take: give one SAS URL for the plan (and its disk generations).`);
  }
  return request;
}
function readSource(text, tenantId, context, where) {
  if (text.startsWith('/')) {
    if (!context.galleries) {
      throw new ActionError(`Input 'image-source'${where} is a gallery image, which api: ${context.apiName} does not take: give a VHD's SAS URL.`);
    }
    if (!GALLERY.test(text)) {
      throw new ActionError(`Input 'image-source'${where} is not an Azure Compute Gallery image version id: it should read /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Compute/galleries/{gallery}/images/{image}/versions/{version}.`);
    }
    if (!tenantId) {
      throw new ActionError("Input 'image-tenant-id' is required for a gallery image (the gallery's tenant), unless tenant-id is given.");
    }
    return { kind: 'gallery', resourceId: text, tenantId };
  }
  let url;
  try {
    url = new URL(text);
  }
  catch {
    throw new ActionError(`Input 'image-source'${where} is neither a URL nor a gallery image id: give the VHD's SAS URL (https://…/image.vhd?sv=…&sig=…) or /subscriptions/…/versions/….`);
  }
  const shown = redactSas(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ActionError(`Input 'image-source'${where} (${shown}) is not https: the service reads VHDs over https only.`);
  }
  const q = url.searchParams;
  if (!q.get('sig')) {
    throw new ActionError(`Input 'image-source'${where} (${shown}) has no signature (sig): give the whole SAS URL, the VHD's address followed by its SAS token.`);
  }
  if (!(q.get('sp') ?? '').includes('r')) {
    throw new ActionError(`Input 'image-source'${where} (${shown}) does not grant read (sp has no r): create the SAS with read and list permissions (sp=rl).`);
  }
  const se = Date.parse(q.get('se') ?? '');
  if (Number.isNaN(se)) {
    throw new ActionError(`Input 'image-source'${where} (${shown}) has no readable expiry (se): give the SAS with its full expiry date and time.`);
  }
  if (se <= context.now) {
    throw new ActionError(`Input 'image-source'${where} (${shown}) expired on ${new Date(se).toISOString()}: create a new SAS that lasts at least three weeks.`);
  }
  if (se - context.now < SAS_WARN_MS) {
    context.remarks.push({
      level: 'warning',
      text: `The SAS of image-source${where} ends on ${new Date(se).toISOString()}, in less than three weeks: certification may take that long, and the service reads the VHD until it ends. Microsoft asks for at least three weeks.`,
    });
  }
  return { kind: 'sas', url };
}
function redactSas(url) {
  return `${url.origin}${url.pathname}${url.search ? '?<SAS>' : ''}`;
}
function withoutSas(value) {
  if (typeof value === 'string') {
    if (!/[?&]sig=/i.test(value))
      return value;
    try {
      return redactSas(new URL(value));
    }
    catch {
      return value;
    }
  }
  if (Array.isArray(value))
    return value.map(withoutSas);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSas(v)]));
  }
  return value;
}
function sourceKey(source) {
  return source.kind === 'sas' ? blobKey(source.url.href) : source.resourceId.toLowerCase();
}
function blobKey(text) {
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  }
  catch {
    return text;
  }
}
function imageSecrets(request) {
  if (!request)
    return [];
  const out = [];
  for (const s of [request.all, ...Object.values(request.byType)]) {
    if (s?.kind !== 'sas')
      continue;
    out.push(s.url.href, s.url.search.slice(1));
    const sig = s.url.searchParams.get('sig');
    if (sig)
      out.push(sig, encodeURIComponent(sig));
  }
  return out;
}
const ordered = (a, b) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0))
      return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};
const inactive = (v) => /^(deprecated|deleted)$/i.test(v.state);
function planImage(views, request) {
  const { draft } = views;
  const plan = `plan '${request.planId}'`;
  if (!draft.types.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has no image type (sku) in its technical configuration; set its skus in Partner Center first.`,
    };
  }
  const given = Object.keys(request.byType);
  const unknown = given.filter((t) => !draft.types.includes(t));
  if (unknown.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: image-source names ${unknown.join(', ')}, and ${plan} has skus for ${draft.types.join(', ')} only.`,
    };
  }
  const missing = request.all ? [] : draft.types.filter((t) => !given.includes(t));
  if (missing.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has skus for ${draft.types.join(', ')}, and image-source gives no image for ${missing.join(', ')}: add a line ${missing[0]}=SOURCE, or give one source for all.`,
    };
  }
  const sources = Object.fromEntries(draft.types.map((t) => [t, request.byType[t] ?? request.all]));
  const keys = Object.fromEntries(Object.entries(sources).map(([t, s]) => [t, sourceKey(s)]));
  for (const where of ['live', 'preview', 'draft']) {
    const found = views[where]?.versions.find((v) => v.number === request.version);
    if (!found)
      continue;
    if (draft.types.every((t) => found.sources[t] === keys[t]))
      return { kind: 'unchanged', where, types: draft.types };
    return {
      kind: 'refuse',
      line: where === 'draft'
        ? `Cannot add version ${request.version}: the draft of ${plan} holds it already with another image. Published versions cannot be edited and the draft takes one new version: choose a new image-version, or remove ${request.version} from the draft in Partner Center.`
        : `Cannot add version ${request.version}: it is published (${where}) in ${plan} with another image, and published versions cannot be edited: choose a new image-version.`,
    };
  }
  const published = new Set([...(views.preview?.versions ?? []), ...(views.live?.versions ?? [])].map((v) => v.number));
  const pending = draft.versions.filter((v) => !published.has(v.number) && !/^deleted$/i.test(v.state));
  if (pending.length) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: the draft of ${plan} already holds version ${pending.map((v) => v.number).join(', ')}, not yet published, and the service takes one new image per image type in a submission. Publish it first (target: preview), or remove it from the draft in Partner Center.`,
    };
  }
  const active = draft.versions.filter((v) => !inactive(v)).sort((a, b) => ordered(a.number, b.number));
  if (active.length >= MAX_VERSIONS) {
    return {
      kind: 'refuse',
      line: `Cannot add version ${request.version}: ${plan} has ${active.length} active versions, the service's limit of ${MAX_VERSIONS}. Deprecate the oldest first (in Partner Center): ${active
                .slice(0, 3)
                .map((v) => v.number)
                .join(', ')}.`,
    };
  }
  const warning = active.length + 1 >= WARN_VERSIONS
    ? `Plan '${request.planId}' will have ${active.length + 1} active versions; the service takes at most ${MAX_VERSIONS}. Deprecate the oldest soon: ${active
            .slice(0, 3)
            .map((v) => v.number)
            .join(', ')}.`
    : undefined;
  return { kind: 'add', types: draft.types, sources, warning };
}
function describeImage(types, sources) {
  const kinds = new Set(Object.values(sources).map((s) => (s.kind === 'sas' ? 'a VHD (SAS URL)' : 'a gallery image')));
  return `${types.join(', ')} from ${[...kinds].join(' and ')}`;
}
const listed = (view) => {
  const numbers = (view?.versions ?? []).map((v) => v.number).sort(ordered);
  if (!numbers.length)
    return 'no version';
  return numbers.length > 5 ? `${numbers.slice(-5).join(', ')} and ${numbers.length - 5} older` : numbers.join(', ');
};
function goLiveRefusal(views, request) {
  const has = (view) => !!view?.versions.some((v) => v.number === request.version);
  if (has(views.preview) || has(views.live))
    return undefined;
  return `Cannot go live with version ${request.version}: the preview of plan '${request.planId}' does not hold it (it has ${listed(views.preview)}). Publish it to preview first (target: preview with image-version and image-source), then go live.`;
}
function confirmLive(live, request) {
  const found = live?.versions.find((v) => v.number === request.version);
  if (found)
    return `Confirmed: version ${request.version} of plan '${request.planId}' is live (${Object.keys(found.sources).join(', ') || 'its image'}).`;
  throw new ActionError(`The go-live ended, but the live configuration of plan '${request.planId}' does not list version ${request.version}: live has ${listed(live)}. Check the plan in Partner Center.`);
}
function noSuchPlan(offerId, planId, plans, shownIn) {
  const names = plans.map((p) => `'${clean(p)}'`).slice(0, 20);
  return new ActionError(`Offer '${offerId}' has no plan '${planId}'${names.length ? `; its plans are ${names.join(', ')}` : ' (it lists no plans)'}: check plan-id (the plan id shown in ${shownIn}).`);
}

;// CONCATENATED MODULE: ./build/bundle/src/answer.js

function header(headers, name) {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
const MAX_DETAILS = 10;
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

;// CONCATENATED MODULE: ./build/bundle/src/retry.js
const DEFAULT_RETRY = { baseMs: 1000, capMs: 30_000, budgetMs: 120_000 };
function retryFor(requestTimeoutMs) {
  return { ...DEFAULT_RETRY, budgetMs: Math.max(DEFAULT_RETRY.budgetMs, 2 * requestTimeoutMs) };
}
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
function backoffMs(attempt, policy, random) {
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * bound);
}
function parseRetryAfter(header, nowMs) {
  if (!header)
    return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text))
    return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
function retryAfterSpreadMs(retryAfterMs, policy) {
  return Math.min(policy.capMs, Math.max(1000, retryAfterMs / 2));
}
function nextDelayMs(attempt, retryAfterMs, policy, random) {
  const backoff = backoffMs(attempt, policy, random);
  if (retryAfterMs === undefined)
    return backoff;
  return Math.max(backoff, retryAfterMs + Math.floor(random() * retryAfterSpreadMs(retryAfterMs, policy)));
}

;// CONCATENATED MODULE: ./build/bundle/src/http.js







const UNREACHED_BUDGET_MS = 60_000;
const SHOW_AFTER_MS = 30_000;
const SHOW_EVERY_MS = 60_000;
const REDIRECT = new Set([301, 302, 303, 307, 308]);
class Unreached extends TransientError {
  name = 'Unreached';
}
const LOCAL = new Set([
  'ERR_INVALID_CHAR',
  'ERR_INVALID_HTTP_TOKEN',
  'ERR_HTTP_INVALID_HEADER_VALUE',
  'ERR_INVALID_URL',
]);
const NEVER_CONNECTED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);
const IPV6_LITERAL = {
  prepareRequest: (options) => {
    if (options.host?.startsWith('['))
      options.host = options.host.slice(1, -1);
  },
  canHandleAuthentication: () => false,
  handleAuthentication: () => Promise.reject(new Error('not an authentication handler')),
};
class Http {
  options;
  client;
  retry;
  random;
  maxBodyBytes;
  writesSent = 0;
  answered = new Set();
  constructor(options) {
    this.options = options;
    this.client = new lib_HttpClient(options.userAgent, [IPV6_LITERAL], {
      allowRedirects: false,
      allowRetries: false,
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
  retryWait(reasons, retryAfterMs, started, purpose) {
    const delay = nextDelayMs(reasons.length - 1, retryAfterMs, this.retry, this.random);
    const elapsed = this.options.clock.now() - started;
    if (elapsed + delay > this.retry.budgetMs) {
      throw new GaveUp(`Could not ${purpose}: ${attempts(reasons)} failed over ${formatDuration(elapsed)} (${summarise(reasons)}).`);
    }
    this.options.debug?.(`retrying in ${formatDuration(delay)} to ${purpose}: ${reasons.at(-1) ?? ''}`);
    return delay;
  }
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
      const code = error?.code ?? '';
      if (LOCAL.has(code)) {
        throw new ActionError(`Could not ${request.purpose}: the request could not be built (${code}).`);
      }
      const reason = networkReason(error);
      this.options.debug?.(`${line} failed: ${reason} (${formatDuration(clock.now() - started)})`);
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
      }
      throw new ActionError(`The service answered "${request.purpose}" with a redirect (${response.status}) to ${where}; redirects are not followed, so credentials stay on their origin. Check ${request.check ?? 'base-url'}.`);
    }
    const once = request.repeatable === false;
    if (isRetryableStatus(response.status)) {
      const reason = `HTTP ${response.status}${errorDetail(response.json)}`;
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
const attempts = (reasons) => `${reasons.length} attempt${reasons.length > 1 ? 's' : ''}`;
function summarise(reasons) {
  const counts = new Map();
  for (const reason of reasons)
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => (n > 1 ? `${n} x ${reason}` : reason)).join(', ');
}

;// CONCATENATED MODULE: ./build/bundle/src/preflight.js



async function checkImages(http, sources, log) {
  const seen = new Set();
  for (const source of sources) {
    if (source.kind !== 'sas' || seen.has(source.url.href))
      continue;
    seen.add(source.url.href);
    const shown = redactSas(source.url);
    const response = await http.request({
      method: 'HEAD',
      url: source.url,
      purpose: `check the VHD ${shown}`,
      check: 'image-source',
    });
    const fix = (what) => {
      throw new ActionError(`The VHD of image-source (${shown}) ${what}. Nothing was changed.`);
    };
    if (response.status === 403 || response.status === 401) {
      fix(`cannot be read with its SAS (HTTP ${response.status}): check that the SAS grants read and list (sp=rl), has started (st a day in the past) and is signed by a current key`);
    }
    if (response.status === 404)
      fix('does not exist (HTTP 404): check the container and blob name before the ?');
    if (response.status < 200 || response.status >= 300) {
      fix(`could not be checked: the storage account answered HTTP ${response.status}`);
    }
    const copy = (header(response.headers, 'x-ms-copy-status') ?? '').toLowerCase();
    if (copy === 'pending')
      fix('is still being copied (x-ms-copy-status: pending): wait for the copy to finish, then re-run');
    if (copy === 'failed' || copy === 'aborted')
      fix(`was not copied whole (x-ms-copy-status: ${copy}): copy it again`);
    const length = Number(header(response.headers, 'content-length') ?? '');
    log(`The VHD ${shown} opens with its SAS${Number.isFinite(length) && length > 0 ? ` (${Math.round(length / 2 ** 30)} GiB)` : ''}.`);
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/write-once.js

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
      await clock.sleep(Math.max(0, wait - (clock.now() - answeredAt)), signal);
    }
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/draft-change.js




const MAX_WRITES = 3;
function imageOf(settings) {
  if (!settings.image)
    throw new ActionError('target: draft needs plan-id, image-version and image-source.');
  return settings.image;
}
function publishingRefusal(offerId, what) {
  return {
    kind: 'refuse',
    line: `Cannot change the draft of offer '${offerId}': ${what} is in progress, and the draft is not changed while the offer publishes. Wait for it to end, then re-run this step.`,
  };
}
function unchanged(request, decided) {
  const { version, planId } = request;
  const where = `in the ${decided.where} of plan '${planId}' already, with the same image`;
  return {
    kind: 'none',
    what: `change nothing: version ${version} is ${where}`,
    line: `Version ${version} is ${where}: the draft is not changed.`,
    image: { images: decided.types.join(', '), state: `in the ${decided.where} already` },
  };
}
async function beforeAdding(deps, decided) {
  await checkImages(deps.http, Object.values(decided.sources), deps.log);
  if (decided.warning)
    deps.log(`Warning: ${decided.warning}`);
  return describeImage(decided.types, decided.sources);
}
function heldNow(decided, done) {
  if (decided.kind === 'unchanged')
    return done;
  if (decided.kind === 'refuse')
    throw new ActionError(decided.line);
  return undefined;
}
function writeDraft(deps, write) {
  const purpose = 'change the draft';
  return writeOnce(deps, {
    purpose,
    send: write.send,
    look: async ({ throttled, reason }) => {
      if (!throttled) {
        deps.log(`The draft change may have reached the service (${reason}); reading the draft before sending it again.`);
      }
      return heldNow(await write.reread(), write.done);
    },
    maxUnanswered: MAX_WRITES,
    exhausted: (count, reason) => `Could not ${purpose}: ${count} requests failed before an answer (${reason}), and the draft does not hold version ${write.version}. Re-run this step.`,
  });
}

;// CONCATENATED MODULE: ./build/bundle/src/ids.js

function isUsableId(id) {
  return id !== '' && id.length <= 500 && !/[\p{Cc}\s]/u.test(id) && redactEmails(id) === id;
}

;// CONCATENATED MODULE: ./build/bundle/src/session.js


class Session {
  http;
  credentials;
  options;
  constructor(http, credentials, options) {
    this.http = http;
    this.credentials = credentials;
    this.options = options;
  }
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
  planned(request) {
    const { method = 'POST', headers } = request;
    return {
      method,
      url: this.options.versioned(request.url),
      body: request.body ?? '',
      ...(headers ? { headers } : {}),
    };
  }
  async send(request) {
    const { origin, versioned, explain401 } = this.options;
    if (request.url.origin !== origin) {
      throw new ActionError(`Refused to send the token to ${request.url.origin}: it goes to base-url's origin ${origin} only.`);
    }
    const attempt = async () => this.http.request({
      method: request.method,
      url: versioned(request.url),
      headers: { ...request.headers, Authorization: `Bearer ${await this.credentials.token()}` },
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

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/urls.js



const RESOURCE = 'https://cloudpartner.azure.com';
function resolveOperationUrl(value, baseUrl, source) {
  const url = resolveUnder(value, baseUrl, source);
  if (!/\/operations\/[^/]+$/.test(url.pathname)) {
    throw new ActionError(`The ${source} ${url.pathname} is not an operation URL: it should end in /operations/{operationId}.`);
  }
  const id = operationId(url);
  if (!isUsableId(id)) {
    throw new UnusableLocation(`The ${source} names an operation id that no operation has (line breaks, spaces, an address or over 500 characters).`);
  }
  return url;
}
class UnusableLocation extends ActionError {
  name = 'UnusableLocation';
}
function operationId(url) {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  }
  catch {
    return last;
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/json.js
const MAX_FIELD = 4000;
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  return text.length > MAX_FIELD ? text.slice(0, MAX_FIELD) : text;
}
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

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/parse.js




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
const changedAt = (s) => Date.parse(s.changedTime ?? '') || 0;
const isRunning = (s) => /^(running|inprogress|notstarted)$/.test(squash(s.state));
const inSlot = (slot) => (s) => s.slot?.toLowerCase() === slot;
function chooseBySlot(list, slot) {
  const mine = list.filter(inSlot(slot));
  return {
    running: mine.find(isRunning),
    latest: mine.reduce((a, b) => (a && changedAt(a) >= changedAt(b) ? a : b), undefined),
    other: list.find((s) => !inSlot(slot)(s) && isRunning(s)),
  };
}
const chooseGoLive = (list) => chooseBySlot(list, 'production');
function startedSince(list, sinceMs, slot = 'production') {
  const { running, latest } = chooseBySlot(list, slot);
  if (running)
    return running;
  return latest && changedAt(latest) >= sinceMs ? latest : undefined;
}
const goLiveSince = (list, sinceMs) => startedSince(list, sinceMs, 'production');
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
const isSignoff = (step) => squash(step.id) === SIGNOFF || squash(step.name) === SIGNOFF;
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

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/offer.js







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
        : `Could not ${purpose}: HTTP 401${detail}. The token is invalid or has expired (CPP tokens live 60 to 90 minutes), or is issued for another API: it must be for ${RESOURCE} (scope ${RESOURCE}/.default). Pass a fresh one, or sign in with tenant-id and client-id so the action gets and renews it.`,
      explain: (status, detail, purpose) => explainStatus(status, detail, purpose, settings),
    });
  }
  url(rest) {
    const { publisherId, offerId, baseUrl } = this.deps.settings;
    return under(baseUrl, `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}${rest}`);
  }
  async submissions() {
    const response = await this.session.ok({
      method: 'GET',
      url: this.url('/submissions'),
      purpose: "list the offer's submissions",
      expectJson: true,
    });
    return parseSubmissions(response.json);
  }
  async document(slot) {
    const purpose = slot ? `read the offer's ${slot.toLowerCase()} slot` : "read the offer's draft";
    const response = await this.session.send({
      method: 'GET',
      url: this.url(slot ? `/slot/${slot}` : ''),
      purpose,
      expectJson: true,
    });
    if (slot && response.status === 404)
      return undefined;
    this.session.check(response, purpose);
    return { doc: response.json, etag: header(response.headers, 'etag') || '*' };
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
  cancelRequest() {
    return this.session.planned({ url: this.url('/cancel') });
  }
  async cancel(location, noun) {
    const { url } = this.cancelRequest();
    const response = await this.session.send({ method: 'POST', url, purpose: `cancel the ${noun}`, body: '' });
    this.session.check(response, `cancel the ${noun}`);
    return this.operation(location);
  }
  async stagesOf(location) {
    const id = operationId(location);
    const slot = (await this.submissions()).find((s) => s.id === id)?.slot?.toLowerCase();
    return slot === 'production' ? ['live'] : slot === 'staging' ? ['preview'] : undefined;
  }
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
  const chosen = target.apiAssumed
    ? ` This run uses the Cloud Partner Portal API because publisher-id is given: for an offer of Partner Center's Product Ingestion API, leave publisher-id out (or set api: product-ingestion).`
    : '';
  switch (status) {
    case 400:
      return `${failed}. The service found the request malformed; fix the inputs named in the message (not retried).`;
    case 403:
      return `${failed}. The service principal has no access to publisher '${publisherId}': add the application as a user of the account in Partner Center (Account settings > User management), or check publisher-id.`;
    case 404:
      return `${failed}. Publisher '${publisherId}' or offer '${offerId}' does not exist: check publisher-id and offer-id.${chosen}`;
    case 409:
      return `${failed}. Another operation is running on offer '${offerId}'; wait for it to end, then re-run.`;
    case 422:
      return `${failed}. The offer failed validation: fix it, publish it again, then go live.`;
    default:
      return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`;
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/technical.js


const VM_IMAGES = 'microsoft-azure-virtualmachines.vmImages';
const CORE_IMAGES = 'microsoft-azure-corevm.vmImagesPublicAzure';
const READ_ONLY = ['microsoft-azure-corevm.legacyOfferId', 'microsoft-azure-corevm.legacyPublisherId'];
const plansOf = (doc) => {
  const definition = isRecord(doc) && isRecord(doc.definition) ? doc.definition : undefined;
  return definition && Array.isArray(definition.plans) ? definition.plans.filter(isRecord) : [];
};
function findPlan(doc, planId) {
  return plansOf(doc).find((p) => str(p.planId).toLowerCase() === planId.toLowerCase());
}
function draftPlan(doc, planId, offerId) {
  const plan = findPlan(doc, planId);
  if (plan)
    return plan;
  throw noSuchPlan(offerId, planId, plansOf(doc).map((p) => str(p.planId)), 'the Cloud Partner Portal');
}
function holders(doc, plan) {
  const core = CORE_IMAGES in plan || (isRecord(doc) && str(doc.offerTypeId) === 'microsoft-azure-corevm');
  const key = core ? CORE_IMAGES : VM_IMAGES;
  const generations = core && Array.isArray(plan.diskGenerations) ? plan.diskGenerations.filter(isRecord) : [];
  return [{ id: str(plan.planId), node: plan, key }, ...generations.map((g) => ({ id: str(g.planId), node: g, key }))];
}
function viewOf(doc, plan) {
  const all = holders(doc, plan);
  const maps = all.map((h) => (isRecord(h.node[h.key]) ? h.node[h.key] : {}));
  const numbers = [...new Set(maps.flatMap((m) => Object.keys(m)))];
  return {
    types: all.map((h) => h.id),
    versions: numbers.map((number) => ({
      number,
      state: maps.some((m) => isRecord(m[number]) && m[number].showInGui === false)
        ? 'deprecated'
        : 'generallyAvailable',
      sources: Object.fromEntries(all.flatMap((h, i) => isRecord(maps[i][number]) ? [[h.id, blobKey(str(maps[i][number].osVhdUrl))]] : [])),
    })),
  };
}
function slotView(doc, planId) {
  const plan = doc === undefined ? undefined : findPlan(doc, planId);
  return plan && viewOf(doc, plan);
}
function withVersion(doc, planId, version, osVhdUrl, today) {
  const copy = structuredClone(doc);
  strip(copy);
  const plan = findPlan(copy, planId);
  const date = `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCDate()).padStart(2, '0')}/${today.getUTCFullYear()}`;
  for (const h of holders(copy, plan)) {
    const map = isRecord(h.node[h.key]) ? h.node[h.key] : {};
    map[version] =
      h.key === VM_IMAGES
        ? { osVhdUrl, lunVhdDetails: [] }
        : {
          osVhdUrl,
          label: version,
          mediaName: `${h.id}-${version}`,
          publishedDate: date,
          description: version,
          showInGui: true,
        };
    h.node[h.key] = map;
  }
  return copy;
}
function entryOf(doc, planId, version) {
  const plan = findPlan(doc, planId);
  if (!plan)
    return undefined;
  const [own] = holders(doc, plan);
  return isRecord(own.node[own.key]) ? own.node[own.key][version] : undefined;
}
function strip(value) {
  if (Array.isArray(value))
    return value.forEach(strip);
  if (!isRecord(value))
    return;
  for (const key of READ_ONLY)
    delete value[key];
  for (const child of Object.values(value))
    strip(child);
}

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/draft.js






const ONE_REQUEST = 'it is one request, done when the step ends.';
class DraftChange {
  deps;
  offer;
  constructor(deps) {
    this.deps = deps;
    this.offer = new Offer(deps);
  }
  get image() {
    return imageOf(this.deps.settings);
  }
  async decide() {
    const { offerId } = this.deps.settings;
    const list = await this.offer.submissions();
    const busy = chooseBySlot(list, 'production').running ?? chooseBySlot(list, 'staging').running;
    if (busy)
      return publishingRefusal(offerId, `an operation (${busy.id})`);
    const read = await this.readAll();
    return this.decision(read);
  }
  async readAll() {
    const { offerId } = this.deps.settings;
    const { planId } = this.image;
    const draft = (await this.offer.document());
    const plan = draftPlan(draft.doc, planId, offerId);
    const preview = await this.offer.document('Preview');
    const live = await this.offer.document('Production');
    const views = {
      draft: viewOf(draft.doc, plan),
      preview: slotView(preview?.doc, planId),
      live: slotView(live?.doc, planId),
    };
    return { doc: draft.doc, etag: draft.etag, decided: planImage(views, this.image) };
  }
  async decision(read) {
    const { version, planId } = this.image;
    const { decided } = read;
    if (decided.kind === 'refuse')
      return { kind: 'refuse', line: decided.line };
    if (decided.kind === 'unchanged')
      return unchanged(this.image, decided);
    const images = await beforeAdding(this.deps, decided);
    const source = Object.values(decided.sources)[0];
    if (source.kind !== 'sas')
      throw new ActionError('The Cloud Partner Portal takes a VHD SAS URL as image-source.');
    const today = new Date(this.deps.clock.now());
    const sent = withVersion(read.doc, planId, version, source.url.href, today);
    const shown = withoutSas(sent);
    this.deps.log(`The entry for version ${version}: ${JSON.stringify(withoutSas(entryOf(sent, planId, version)))}`);
    return {
      kind: 'send',
      what: `add version ${version} to plan '${planId}' in the draft (${images})`,
      request: this.offer.session.planned({
        method: 'PUT',
        url: this.offer.url(''),
        body: JSON.stringify(shown),
        headers: { 'If-Match': read.etag },
      }),
      send: () => this.write(read, source.url.href, true),
      image: { images, state: 'added to the draft' },
    };
  }
  async write(read, osVhdUrl, again) {
    const { version, planId } = this.image;
    const { offerId } = this.deps.settings;
    const purpose = 'change the draft';
    const done = { done: `Added version ${version} to plan '${planId}' in the draft of offer '${offerId}'.` };
    const body = JSON.stringify(withVersion(read.doc, planId, version, osVhdUrl, new Date(this.deps.clock.now())));
    const written = await writeDraft(this.deps, {
      send: () => this.offer.session.send({
        method: 'PUT',
        url: this.offer.url(''),
        body,
        headers: { 'If-Match': read.etag },
        purpose,
        expectJson: true,
        repeatable: false,
      }),
      reread: async () => (await this.readAll()).decided,
      done,
      version,
    });
    if (written.kind === 'found')
      return written.tracked;
    const { response } = written;
    if (response.status === 412) {
      const fresh = await this.readAll();
      const held = heldNow(fresh.decided, done);
      if (held)
        return held;
      if (!again) {
        throw new ActionError(`Could not ${purpose}: the draft of offer '${offerId}' changed again while the action wrote it (HTTP 412 twice). Re-run this step when no one else edits the offer.`);
      }
      this.deps.log('The draft changed since it was read (HTTP 412): read it again, and adding the version once more.');
      return this.write(fresh, osVhdUrl, false);
    }
    this.offer.session.check(response, purpose);
    return done;
  }
  async find() {
    return undefined;
  }
  read() {
    throw new ActionError(`A Cloud Partner Portal draft change has no operation to follow: ${ONE_REQUEST}`);
  }
  cancelRequest() {
    throw new ActionError(`A Cloud Partner Portal draft change cannot be cancelled: ${ONE_REQUEST}`);
  }
  cancel() {
    throw new ActionError(`A Cloud Partner Portal draft change cannot be cancelled: ${ONE_REQUEST}`);
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/live.js









class GoLive {
  deps;
  offer;
  began;
  constructor(deps) {
    this.deps = deps;
    this.offer = new Offer(deps);
    this.began = deps.clock.now();
  }
  async decide() {
    const { offerId, image } = this.deps.settings;
    if (image) {
      const refusal = goLiveRefusal(await this.views(), image);
      if (refusal)
        return { kind: 'refuse', line: refusal };
    }
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
    if (other && !(inSlot('staging')(other) && (await this.awaitsSignoff(other)))) {
      return { kind: 'refuse', line: this.busy(other) };
    }
    const published = chooseBySlot(list, 'staging').latest;
    const reviewed = reviewedRefusal(this.deps.settings, published?.id);
    if (reviewed)
      return { kind: 'refuse', line: reviewed };
    const liveSince = latest && normaliseStatus(latest.state).status === 'succeeded' ? latest : undefined;
    if (!other && liveSince && published && changedAt(published) < changedAt(liveSince)) {
      return {
        kind: 'follow',
        tracked: { location: this.offer.operationUrl(liveSince.id), how: 'already-live' },
        what: `start nothing: the offer is already live, and nothing was published to preview since its last go-live (operation ${liveSince.id})`,
        line: `Offer '${offerId}' is already live: nothing was published to preview since its last go-live (operation ${liveSince.id}, ${liveSince.state}), so no go-live was started.`,
      };
    }
    return {
      kind: 'send',
      what: other
        ? `start the go-live of the preview waiting for the publisher's sign-off (operation ${other.id})`
        : 'start the go-live',
      request: this.offer.session.planned({ url: this.offer.url('/golive') }),
      send: () => this.start(),
      notice: liveSince && published
        ? `Offer '${offerId}' went live before (operation ${liveSince.id}); a preview was published since (operation ${published.id}), so this run starts a new go-live to put it live.`
        : undefined,
    };
  }
  async confirm() {
    const { image } = this.deps.settings;
    return image ? confirmLive((await this.views()).live, image) : '';
  }
  async views() {
    const planId = this.deps.settings.image.planId;
    return {
      preview: slotView((await this.offer.document('Preview'))?.doc, planId),
      live: slotView((await this.offer.document('Production'))?.doc, planId),
    };
  }
  busy(other) {
    const { offerId } = this.deps.settings;
    const at = this.offer.operationUrl(other.id).href;
    if (inSlot('staging')(other)) {
      return `Cannot start the go-live yet: the preview publish of offer '${offerId}' (${at}) is not ready to go live (it has not reached the publisher's sign-off). Wait until it is ready to go live (target: preview with wait: true follows it until then), then re-run this step.`;
    }
    return `Cannot start the go-live: a ${other.type || 'different'} operation is already running on offer '${offerId}' (${at}). Wait for it to end, then re-run this step.`;
  }
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
  stagesOf(location) {
    return this.offer.stagesOf(location);
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
  async start() {
    const { settings, log, clock } = this.deps;
    const since = clock.now();
    const purpose = 'start the go-live';
    const url = this.offer.url('/golive');
    const written = await writeOnce(this.deps, {
      purpose,
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
  async lookFor(since, why, how) {
    const { settings, log } = this.deps;
    let seen = [];
    const budget = lookBudget(settings);
    const found = await lookAgain(async () => {
      seen = await this.offer.submissions();
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

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/preview.js







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
  stagesOf(location) {
    return this.offer.stagesOf(location);
  }
  async find() {
    const { running, latest } = chooseBySlot(await this.offer.submissions(), 'staging');
    const publish = running ?? latest;
    if (!publish)
      return undefined;
    this.deps.log(`Following the offer's ${running ? 'running' : 'last'} preview publish (operation ${publish.id}, ${publish.state || 'state not given'}).`);
    return { location: this.offer.operationUrl(publish.id), how: 'found' };
  }
  async read(location) {
    return { ...(await this.offer.previewRead(location)), previewId: operationId(location) };
  }
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
      return act(this.decision(plan), this.deps.log);
    throw new ActionError(`${after === 'conflict' ? 'The service answered 409 Conflict to the preview publish' : 'The service accepted the preview publish but named no operation'}, and no running operation was listed on offer '${settings.offerId}' within ${formatDuration(budget.forMs)} (${describeSubmissions(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last preview publish.`);
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/cloud-partner-portal/api.js






const cloudPartnerPortal = {
  name: 'cloud-partner-portal',
  title: 'Cloud Partner Portal',
  defaults: { 'base-url': RESOURCE, 'api-version': '2017-10-31' },
  tokenResource: RESOURCE,
  needsPublisher: true,
  galleries: false,
  oneRequest: ['draft'],
  operationUrl: resolveOperationUrl,
  operationId: operationId,
  portalUrl: () => `${PARTNER_CENTER}/overview`,
  stages: {
    live: (deps) => new GoLive(deps),
    preview: (deps) => new PreviewPublish(deps),
    draft: (deps) => new DraftChange(deps),
  },
};

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/urls.js

const urls_RESOURCE = 'https://graph.microsoft.com';
const DEFAULT_VERSION = '2022-07-01';
const productPage = (guid) => `${PARTNER_CENTER}/offers/${guid}/overview`;
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

;// CONCATENATED MODULE: ./build/bundle/src/operation.js
const isTerminal = (status) => status === 'succeeded' || status === 'failed' || status === 'canceled';
function changedSteps(previous, next) {
  const before = new Map(previous?.steps.map((s) => [s.id, s.status]));
  return next.steps.filter((step) => before.get(step.id) !== step.status);
}
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

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/technical.js




const SCHEMA_HOST = 'https://schema.mp.microsoft.com';
const OLD_SCHEMA_HOST = /^https?:\/\/product-ingestion\.azureedge\.net/i;
const TECH_TYPES = [
  'virtual-machine-plan-technical-configuration',
  'core-virtual-machine-plan-technical-configuration',
];
const PLAN_ID = /^plan\/([A-Za-z0-9-]{1,64})\/([A-Za-z0-9-]{1,64})$/;
function parsePlans(body) {
  if (!isRecord(body) || !Array.isArray(body.value)) {
    throw new ActionError(`The plan list has an unexpected shape (${describeShape(body)}); expected {"value": [...]}.`);
  }
  return body.value.filter(isRecord).flatMap((item) => {
    const id = str(item.id);
    const externalId = isRecord(item.identity) ? str(item.identity.externalId) : '';
    return PLAN_ID.test(id) && externalId ? [{ id, externalId }] : [];
  });
}
function choosePlan(plans, planId, offerId) {
  const plan = plans.find((p) => p.externalId.toLowerCase() === planId.toLowerCase());
  if (plan)
    return plan;
  throw noSuchPlan(offerId, planId, plans.map((p) => p.externalId), 'Partner Center');
}
const typeOf = (resource) => {
  const id = str(resource.id);
  const schema = str(resource.$schema);
  for (const type of [...TECH_TYPES].reverse()) {
    if (id.startsWith(`${type}/`) || schema.includes(`/${type}/`))
      return type;
  }
  return undefined;
};
function isPlan(value, plan) {
  const guid = plan.id.split('/')[2];
  if (typeof value === 'string')
    return value === plan.id || value === `plan/${guid}`;
  return isRecord(value) && str(value.externalId).toLowerCase() === plan.externalId.toLowerCase();
}
function pickConfiguration(tree, plan) {
  const resources = isRecord(tree) && Array.isArray(tree.resources) ? tree.resources : [];
  return resources.filter(isRecord).find((r) => typeOf(r) !== undefined && isPlan(r.plan, plan));
}
function technical_viewOf(config) {
  const skus = Array.isArray(config.skus) ? config.skus.filter(isRecord) : [];
  const versions = Array.isArray(config.vmImageVersions) ? config.vmImageVersions.filter(isRecord) : [];
  return {
    types: [...new Set(skus.map((s) => str(s.imageType)).filter(Boolean))],
    versions: versions.map((v) => ({
      number: str(v.versionNumber),
      state: str(v.lifecycleState) || 'generallyAvailable',
      sources: Object.fromEntries((Array.isArray(v.vmImages) ? v.vmImages.filter(isRecord) : []).map((image) => [
        str(image.imageType),
        sourceOf(image.source),
      ])),
    })),
  };
}
function sourceOf(source) {
  if (!isRecord(source))
    return '';
  if (isRecord(source.osDisk))
    return blobKey(str(source.osDisk.uri));
  if (isRecord(source.sharedImage))
    return str(source.sharedImage.resourceId).toLowerCase();
  return '';
}
function versionEntry(version, sources) {
  return {
    versionNumber: version,
    vmImages: Object.entries(sources).map(([imageType, source]) => ({
      imageType,
      source: source.kind === 'sas'
        ? { sourceType: 'sasUri', osDisk: { uri: source.url.href }, dataDisks: [] }
        : {
          sourceType: 'sharedImageGallery',
          sharedImage: { tenantId: source.tenantId, resourceId: source.resourceId },
        },
    })),
    lifecycleState: 'generallyAvailable',
  };
}
function technical_withVersion(config, context) {
  const type = typeOf(config) ?? TECH_TYPES[0];
  const notices = [];
  const { validations: _v, resourceName: _r, ...rest } = structuredClone(config);
  const schema = str(rest.$schema);
  let $schema = schema || `${SCHEMA_HOST}/schema/${type}/2022-03-01-preview3`;
  if (OLD_SCHEMA_HOST.test(schema)) {
    $schema = schema.replace(OLD_SCHEMA_HOST, SCHEMA_HOST);
    notices.push(`The plan's configuration names its schema on the old host (${clean(schema)}), which the service no longer takes: sent as ${$schema}.`);
  }
  const versions = Array.isArray(rest.vmImageVersions) ? rest.vmImageVersions : [];
  return {
    resource: {
      ...rest,
      $schema,
      id: `${type}/${context.guid}/${context.plan.id.split('/')[2]}`,
      product: `product/${context.guid}`,
      plan: context.plan.id,
      vmImageVersions: [...versions, context.entry],
    },
    notices,
  };
}

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/parse.js





const lower = (text) => text.toLowerCase();
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
      reason: `Cannot go live: ${name} has no preview submission. Publish it to preview first (target: preview), then go live.`,
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
function choosePreview(list) {
  return list.find((s) => s.target === 'preview' && inProgress(s)) ?? newestPreview(list);
}
function previewOperation(list, preview) {
  const op = { ...submissionOperation(preview), previewId: submissionNumber(preview.id) };
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
function publishing(list) {
  return list.find((s) => (s.target === 'preview' || s.target === 'live') && inProgress(s));
}
function chooseLive(list) {
  const lives = list.filter((s) => s.target === 'live');
  return lives.find(inProgress) ?? newestFirst(lives)[0];
}
function followedLive(list) {
  const live = chooseLive(list);
  const preview = newestFirst(list.filter((s) => s.target === 'preview'))[0];
  const stale = live &&
    !inProgress(live) &&
    preview &&
    succeeded(preview) &&
    !list.some((s) => s.target === 'live' && s.id === preview.id);
  return stale ? { olderThan: preview } : { live };
}
function startedGoLive(list, preview) {
  const lives = list.filter((s) => s.target === 'live' && s.id === preview.id);
  return lives.find(inProgress) ?? lives.find(succeeded);
}
function holder(list, n) {
  const mine = list.filter((s) => submissionNumber(s.id) === n);
  const live = chooseLive(mine);
  if (live)
    return { kind: 'go-live', live };
  const other = mine.find(inProgress);
  return other ? { kind: 'other', publish: other } : undefined;
}
function describeHolder(found, n) {
  return found?.kind === 'go-live'
    ? `a go-live of submission ${n}`
    : found?.kind === 'other'
      ? `a ${found.publish.target || 'publish'} publish of submission ${n}`
      : `a publish of submission ${n}`;
}
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
function serviceWords(op) {
  const said = op.messages.filter((m) => IN_PROGRESS.test(m.text)).map((m) => withoutHint(m.text));
  return said.map((text) => `"${text}"`).join(' ');
}
function withoutHint(text) {
  const hint = HINTS.find(([, h]) => text.endsWith(` (${h})`))?.[1];
  return hint ? text.slice(0, -(hint.length + 3)) : text;
}
function submissionNumber(durableId) {
  return durableId.split('/').pop() ?? durableId;
}
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
function jobOperation(body) {
  if (!isRecord(body) || typeof body.jobStatus !== 'string') {
    throw new ActionError(`The job status answer has an unexpected shape (${describeShape(body)}); expected a "jobStatus".`);
  }
  const jobStatus = clean(str(body.jobStatus));
  const jobResult = clean(str(body.jobResult));
  return normalised(jobStatus, jobResult, Array.isArray(body.errors) ? errorMessages(body.errors) : []);
}
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
function errorMessages(errors) {
  const out = [];
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
function jobStage(body) {
  if (!isRecord(body) || !Array.isArray(body.resources) || body.resources.length === 0)
    return undefined;
  const submission = body.resources.find((r) => isRecord(r) && (SUBMISSION_ID.test(str(r.id)) || /\/submission\//.test(str(r.$schema))));
  if (!isRecord(submission))
    return 'draft';
  const target = isRecord(submission.target) ? lower(str(submission.target.targetType)) : '';
  return target === 'live' || target === 'preview' ? target : undefined;
}
const STAGES_LISTED = ['live', 'preview'];
function listedStages(list, followed, guid) {
  const stages = (entries) => {
    const found = STAGES_LISTED.filter((t) => entries.some((s) => s.target === t));
    return found.length ? found : undefined;
  };
  if (followed.kind === 'submission')
    return stages(list.filter((s) => s.id === `submission/${guid}/${followed.id}`));
  return stages(list.filter(inProgress));
}

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/account.js












const account_SCHEMA_HOST = 'https://schema.mp.microsoft.com/schema';
const SUBMISSION_SCHEMA = `${account_SCHEMA_HOST}/submission/2022-03-01-preview2`;
const MAX_POSTS = 3;
const MAX_PAGES = 20;
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
  holderOf(guid, n) {
    return lookAgain(async () => holder(await this.submissions(guid), n), {
      clock: this.deps.clock,
      signal: this.deps.signal,
      ...lookBudget(this.deps.settings),
    });
  }
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
  configureRequest(resource) {
    return this.resourcesRequest([{ $schema: SUBMISSION_SCHEMA, ...resource }]);
  }
  resourcesRequest(resources) {
    const { settings } = this.deps;
    return this.session.planned({
      url: under(settings.baseUrl, '/configure'),
      body: JSON.stringify({ $schema: `${account_SCHEMA_HOST}/configure/${settings.apiVersion}`, resources }),
    });
  }
  configure(resource, purpose) {
    return this.post(this.configureRequest(resource), purpose);
  }
  post({ url, body }, purpose) {
    return this.session.send({ method: 'POST', url, purpose, body, expectJson: true, repeatable: false });
  }
  async tree(guid, targetType) {
    const url = under(this.deps.settings.baseUrl, `/resource-tree/product/${guid}`);
    url.searchParams.set('targetType', targetType);
    const response = await this.session.send({
      method: 'GET',
      url,
      purpose: `read the offer's ${targetType} resources`,
      expectJson: true,
    });
    return response.status === 200 ? response.json : undefined;
  }
  async draftLikePreview(guid) {
    return sameContent(await this.tree(guid, 'draft'), await this.tree(guid, 'preview'));
  }
  async plan(guid, planId) {
    const url = under(this.deps.settings.baseUrl, '/plan');
    url.searchParams.set('product', `product/${guid}`);
    const plans = [];
    await this.pages(url, "list the offer's plans", (body) => {
      plans.push(...parsePlans(body));
      return plans.some((p) => p.externalId.toLowerCase() === planId.toLowerCase());
    });
    return choosePlan(plans, planId, this.deps.settings.offerId);
  }
  async configuration(guid, plan, targetType) {
    const found = pickConfiguration(await this.tree(guid, targetType), plan);
    if (found || targetType !== 'draft')
      return found;
    for (const type of TECH_TYPES) {
      const response = await this.session.send({
        method: 'GET',
        url: under(this.deps.settings.baseUrl, `/${type}/${guid}/${plan.id.split('/')[2]}`),
        purpose: "read the plan's technical configuration",
        expectJson: true,
      });
      if (response.status === 404)
        continue;
      this.session.check(response, "read the plan's technical configuration");
      if (isRecord(response.json))
        return response.json;
    }
    return undefined;
  }
  async configureOnce(resource, how) {
    const { settings, log } = this.deps;
    const purpose = `start the ${how.noun}`;
    const written = await writeOnce(this.deps, {
      purpose,
      send: () => this.configure(resource, purpose),
      look: async ({ throttled, reason }) => {
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
      return { location: this.jobUrl(id), how: 'started', portal: how.portal, started: how.facts };
    }
    log(`The service accepted the ${how.noun} (HTTP ${response.status}) but named no job in the form of one (${describeShape(response.json)}); looking for the ${how.noun} among the offer's submissions.`);
    const found = await how.lookFor();
    if (found)
      return found;
    throw new ActionError(`The service accepted the ${how.noun} of offer '${settings.offerId}' but named no job, and no ${how.noun} was listed within ${formatDuration(lookBudget(settings).forMs)}. It was not sent again: ${how.later}.`);
  }
  cancelRequest(location, noun) {
    const followed = parseFollowed(location.pathname);
    if (followed?.kind !== 'job') {
      throw new ActionError(`Cannot cancel the ${noun} of offer '${this.deps.settings.offerId}' from its submission${followed ? ` ${followed.id}` : ''}: the service cancels configure jobs and lists none, so cancelling needs the operation-location the starting run printed (…/configure/{jobId}/status). Run this action with cancel: true and that operation-location.`);
    }
    return this.session.planned({ url: under(this.deps.settings.baseUrl, `/configure/${followed.jobId}/cancel`) });
  }
  async cancel(location, noun) {
    const { url } = this.cancelRequest(location, noun);
    const purpose = `cancel the ${noun}`;
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
  async stagesOf(location, noun) {
    const followed = parseFollowed(location.pathname);
    if (!followed)
      return undefined;
    if (followed.kind === 'job') {
      const op = await this.job(location, followed.jobId, noun);
      if (isTerminal(op.status)) {
        const response = await this.session.send({
          method: 'GET',
          url: under(this.deps.settings.baseUrl, `/configure/${followed.jobId}`),
          purpose: 'read what the job was for',
          expectJson: true,
        });
        const stage = response.status === 200 ? jobStage(response.json) : undefined;
        return stage && [stage];
      }
    }
    const guid = followed.kind === 'submission' ? followed.productGuid : await this.product();
    return listedStages(await this.submissions(guid), followed, guid);
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

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/draft.js







class draft_DraftChange {
  deps;
  account;
  constructor(deps) {
    this.deps = deps;
    this.account = new Account(deps);
  }
  get image() {
    return imageOf(this.deps.settings);
  }
  async decide() {
    const { offerId } = this.deps.settings;
    const guid = await this.account.product();
    const busy = publishing(await this.account.submissions(guid));
    if (busy) {
      const what = busy.target === 'live' ? 'go-live' : 'preview publish';
      return publishingRefusal(offerId, `its ${what} (submission ${submissionNumber(busy.id)})`);
    }
    const plan = await this.account.plan(guid, this.image.planId);
    const { config, decided } = await this.plan(guid, plan);
    return this.decision(guid, plan, config, decided);
  }
  async plan(guid, plan) {
    const config = await this.account.configuration(guid, plan, 'draft');
    if (!config) {
      throw new ActionError(`Plan '${this.image.planId}' of offer '${this.deps.settings.offerId}' has no virtual machine technical configuration in the draft: plan-id must name a plan of a virtual machine offer.`);
    }
    const [preview, live] = [
      await this.account.configuration(guid, plan, 'preview'),
      await this.account.configuration(guid, plan, 'live'),
    ];
    const views = { draft: technical_viewOf(config), preview: preview && technical_viewOf(preview), live: live && technical_viewOf(live) };
    return { config, decided: planImage(views, this.image) };
  }
  async decision(guid, plan, config, decided) {
    const { version, planId } = this.image;
    if (decided.kind === 'refuse')
      return { kind: 'refuse', line: decided.line };
    if (decided.kind === 'unchanged')
      return unchanged(this.image, decided);
    const images = await beforeAdding(this.deps, decided);
    const entry = versionEntry(version, decided.sources);
    const real = technical_withVersion(config, { guid, plan, entry });
    for (const notice of real.notices)
      this.deps.log(notice);
    this.deps.log(`The entry for version ${version}: ${JSON.stringify(withoutSas(entry))}`);
    return {
      kind: 'send',
      what: `add version ${version} to plan '${planId}' in the draft (${images})`,
      request: this.account.resourcesRequest([withoutSas(real.resource)]),
      send: () => this.write(guid, plan, this.account.resourcesRequest([real.resource])),
      image: { images, state: 'added to the draft' },
    };
  }
  async write(guid, plan, request) {
    const { version, planId } = this.image;
    const purpose = 'change the draft';
    const done = { done: `Plan '${planId}' holds version ${version} in its draft now.` };
    const reread = async () => (await this.plan(guid, plan)).decided;
    const written = await writeDraft(this.deps, {
      send: () => this.account.post(request, purpose),
      reread,
      done,
      version,
    });
    if (written.kind === 'found')
      return written.tracked;
    const { response } = written;
    this.account.session.check(response, purpose);
    const id = jobId(response.json);
    if (id) {
      this.deps.log(`Adding version ${version} to plan '${planId}' in the draft: job ${id}.`);
      return { location: this.account.jobUrl(id), how: 'started', portal: productPage(guid) };
    }
    const held = heldNow(await reread(), done);
    if (held)
      return held;
    throw new ActionError(`The service accepted the draft change (HTTP ${response.status}) but named no job, and the draft does not hold version ${version}: re-run this step.`);
  }
  stagesOf(location) {
    return this.account.stagesOf(location, 'draft change');
  }
  async find() {
    return undefined;
  }
  read(location) {
    const followed = parseFollowed(location.pathname);
    if (followed?.kind !== 'job') {
      throw new ActionError(`Cannot read ${location.pathname}: a draft change is followed by its job (…/configure/{jobId}/status).`);
    }
    return this.account.job(location, followed.jobId, 'draft change');
  }
  cancelRequest(location) {
    return this.account.cancelRequest(location, 'draft change');
  }
  cancel(location) {
    return this.account.cancel(location, 'draft change');
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/live.js







class live_GoLive {
  deps;
  account;
  constructor(deps) {
    this.deps = deps;
    this.account = new Account(deps);
  }
  async decide() {
    const guid = await this.account.product();
    const { image } = this.deps.settings;
    if (image) {
      const views = await this.views(guid);
      const refusal = goLiveRefusal(views, image);
      if (refusal)
        return { kind: 'refuse', line: refusal };
    }
    const draftAhead = (await this.account.draftLikePreview(guid)) === false;
    const plan = planGoLive(await this.account.submissions(guid), this.deps.settings.offerId);
    const newest = plan.kind === 'refuse' ? undefined : submissionNumber((plan.kind === 'promote' ? plan.preview : plan.live).id);
    const reviewed = newest !== undefined && reviewedRefusal(this.deps.settings, newest);
    if (reviewed)
      return { kind: 'refuse', line: reviewed };
    const decision = this.decision(guid, plan);
    if (draftAhead && plan.kind !== 'attach' && (decision.kind === 'send' || decision.kind === 'follow')) {
      decision.notice = `The draft of offer '${this.deps.settings.offerId}' holds changes that its newest preview (submission ${newest}) lacks; a go-live puts that preview live without them. To release them, publish the draft first with target: preview, then go live.`;
    }
    return decision;
  }
  async confirm() {
    const { image } = this.deps.settings;
    if (!image)
      return '';
    return confirmLive((await this.views(await this.account.product())).live, image);
  }
  async views(guid) {
    const plan = await this.account.plan(guid, this.deps.settings.image.planId);
    const view = async (target) => {
      const config = await this.account.configuration(guid, plan, target);
      return config && technical_viewOf(config);
    };
    return { preview: await view('preview'), live: await view('live') };
  }
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
  stagesOf(location) {
    return this.account.stagesOf(location, 'go-live');
  }
  async find(purpose = 'current') {
    const guid = await this.account.product();
    if (purpose === 'current')
      return this.following(chooseLive(await this.account.submissions(guid)));
    let olderThan;
    const found = await lookAgain(async () => {
      const followed = followedLive(await this.account.submissions(guid));
      olderThan = followed.olderThan;
      return olderThan ? undefined : followed;
    }, { clock: this.deps.clock, signal: this.deps.signal, ...lookBudget(this.deps.settings) });
    if (olderThan) {
      this.deps.log(`The newest preview of offer '${this.deps.settings.offerId}' (submission ${submissionNumber(olderThan.id)}) has no go-live listed, and the live submission is older: that is not the outcome of its go-live, so nothing is followed yet.`);
    }
    return this.following(found?.live);
  }
  following(live) {
    if (!live)
      return undefined;
    this.deps.log(`Following the offer's live submission ${submissionNumber(live.id)} (${live.status || 'no status'}).`);
    return { location: this.account.submissionUrl(live), how: 'found' };
  }
  async read(location, started) {
    const followed = parseFollowed(location.pathname);
    if (followed?.kind === 'job') {
      const op = await this.account.job(location, followed.jobId, 'go-live');
      const refusedFor = inProgressRefusal(op);
      return refusedFor ? this.heldBy(refusedFor, followed.jobId, op, started?.submission) : op;
    }
    if (!followed)
      throw new ActionError(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`);
    const durableId = `submission/${followed.productGuid}/${followed.id}`;
    const live = chooseLive((await this.account.submissions(followed.productGuid)).filter((s) => s.id === durableId));
    if (!live)
      throw new NotFound(`Submission ${followed.id} has no live entry in the product's submissions.`);
    return submissionOperation(live);
  }
  promote(guid, preview) {
    const { settings } = this.deps;
    return this.account.configureOnce(goLiveResource(guid, preview), {
      noun: 'go-live',
      replan: async () => {
        const plan = planGoLive(await this.account.submissions(guid), settings.offerId);
        const same = plan.kind === 'promote' && plan.preview.id === preview.id;
        return same ? undefined : act(this.decision(guid, plan), this.deps.log);
      },
      lookFor: () => this.lookForGoLive(guid, preview),
      started: (id) => `Started the go-live of offer '${settings.offerId}' (submission ${submissionNumber(preview.id)}): job ${id}.`,
      later: "run this action with start: false later to follow the offer's go-live",
      portal: productPage(guid),
      facts: { submission: submissionNumber(preview.id) },
    });
  }
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
  async heldBy(n, job, op, promoting) {
    const { settings, log } = this.deps;
    const found = await this.account.holderOf(await this.account.product(), n);
    const sameSubmission = promoting === undefined || promoting === n;
    if (found?.kind === 'go-live' && sameSubmission) {
      log(`Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`);
      return { ...submissionOperation(found.live), movedTo: this.account.submissionUrl(found.live) };
    }
    throw new Refused(`Cannot go live: the service refused job ${job} because ${describeHolder(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step. The service said: ${serviceWords(op)}`, op);
  }
}
const goLiveResource = (guid, preview) => ({
  id: preview.id,
  product: `product/${guid}`,
  target: { targetType: 'live' },
});

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/preview.js





class preview_PreviewPublish {
  deps;
  account;
  constructor(deps) {
    this.deps = deps;
    this.account = new Account(deps);
  }
  async decide() {
    const guid = await this.account.product();
    return this.decision(guid, planPreview(await this.account.submissions(guid), this.deps.settings.offerId));
  }
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
  async unchangedSince(guid, latest) {
    const same = await this.account.draftLikePreview(guid);
    if (same === undefined) {
      this.deps.log(`Could not compare the draft with the preview (submission ${submissionNumber(latest.id)}): the service did not serve both resource trees, so the draft is published to preview.`);
    }
    return same === true;
  }
  stagesOf(location) {
    return this.account.stagesOf(location, 'preview publish');
  }
  async find() {
    const guid = await this.account.product();
    const preview = choosePreview(await this.account.submissions(guid));
    if (!preview)
      return undefined;
    this.deps.log(`Following the offer's preview submission ${submissionNumber(preview.id)} (${preview.status || 'no status'}).`);
    return { location: this.account.submissionUrl(preview), how: 'found', portal: productPage(guid) };
  }
  async read(location, started) {
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
    const { op, preview, unchanged } = confirmPreview(job, await this.account.submissions(guid), started?.previewsBefore);
    if (unchanged && preview) {
      this.deps.log(`The preview job succeeded without a new preview: nothing new was published. Reporting the existing preview (submission ${submissionNumber(preview.id)}).`);
    }
    return op;
  }
  publish(guid, known) {
    const { settings } = this.deps;
    return this.account.configureOnce(previewResource(guid), {
      noun: 'preview publish',
      replan: async () => {
        const plan = planPreview(await this.account.submissions(guid), settings.offerId);
        return plan.kind !== 'publish' ? act(await this.decision(guid, plan), this.deps.log) : undefined;
      },
      lookFor: () => this.lookForPublish(guid, known),
      started: (id) => `Started the preview publish of offer '${settings.offerId}': job ${id}.`,
      later: "run this action with target: preview and start: false later to follow the offer's preview",
      portal: productPage(guid),
      facts: { previewsBefore: known },
    });
  }
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
const previewResource = (guid) => ({
  product: `product/${guid}`,
  target: { targetType: 'preview' },
});

;// CONCATENATED MODULE: ./build/bundle/src/product-ingestion/api.js







const productIngestion = {
  name: 'product-ingestion',
  title: 'Product Ingestion',
  defaults: { 'base-url': `${urls_RESOURCE}/rp/product-ingestion`, 'api-version': DEFAULT_VERSION },
  tokenResource: urls_RESOURCE,
  needsPublisher: false,
  galleries: true,
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
  portalUrl: (url) => {
    const followed = parseFollowed(url.pathname);
    return followed?.kind === 'submission' ? productPage(followed.productGuid) : `${PARTNER_CENTER}/overview`;
  },
  stages: {
    live: (deps) => new live_GoLive(deps),
    preview: (deps) => new preview_PreviewPublish(deps),
    draft: (deps) => new draft_DraftChange(deps),
  },
};
function followedUrl(value, baseUrl, source) {
  const url = resolveUnder(value, baseUrl, source);
  if (!parseFollowed(url.pathname)) {
    throw new ActionError(`The ${source} ${url.pathname} is not a go-live of the Product Ingestion API: it should end in /configure/{jobId}/status or /submission/{productId}/{submissionId}.`);
  }
  return url;
}

;// CONCATENATED MODULE: ./build/bundle/src/apis.js


const APIS = [cloudPartnerPortal, productIngestion];

;// CONCATENATED MODULE: ./build/bundle/src/progress.js


const HEARTBEAT_MS = 10 * 60_000;
const SYMBOL = {
  done: '✅',
  running: '🔄',
  waiting: '⏳',
  failed: '❌',
  canceled: '⛔',
};
function describeStep(step) {
  const progress = step.progress !== undefined ? ` (${step.progress}%)` : '';
  const last = step.messages.at(-1);
  return `${SYMBOL[step.state]} ${step.name}: ${step.status}${progress}${last ? ` - ${last.text}` : ''}`;
}
function describeNow(op) {
  const current = op.steps.find((s) => s.state !== 'done') ?? op.steps.at(-1);
  if (!current)
    return `operation ${op.rawStatus}`;
  const progress = current.progress !== undefined ? `, ${current.progress}%` : '';
  return `operation ${op.rawStatus}; step '${current.name}' is ${current.status}${progress}`;
}
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

;// CONCATENATED MODULE: ./build/bundle/src/report.js






function outcomeOf(status) {
  return status === 'succeeded' || status === 'failed' || status === 'canceled' ? status : 'running';
}
function resumeHint(location, report) {
  return `The ${NOUN[report.target ?? 'live']} goes on in the service. ${howToResume(location.href, report)}`;
}
function howToResume(location, { target = 'live', publisherId }, as = (input) => input) {
  const { resumeInputs, sameInputs } = STAGES[target];
  const set = [...resumeInputs, 'wait: true', `operation-location: ${location}`].map(as);
  const same = [...['offer-id', ...(publisherId ? ['publisher-id'] : []), ...sameInputs].map(as), 'sign-in'];
  return `To wait on it later, run this action with ${list(set)}, and the same ${list(same)} inputs.`;
}
const list = (items) => items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
const capital = (text) => text[0].toUpperCase() + text.slice(1);
function headline(report, offer) {
  const noun = NOUN[report.target ?? 'live'];
  const Noun = capital(noun);
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
  if (report.outcome === 'succeeded' && report.target === 'draft') {
    return `✅ Plan ${code(report.image?.planId ?? '')} of offer ${offer} has version ${code(report.image?.version ?? '')} in its draft`;
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
const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;
const MAX_STEPS = 100;
const MAX_LINKS = 20;
const MAX_REASONS = 50;
const MARKETPLACE_HOSTS = ['microsoft.com', 'azure.com'];
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
    facts.push(['Operation', code(report.operationId ?? '')]);
    const portal = report.portal && linkTarget(report.portal, MARKETPLACE_HOSTS);
    if (portal)
      facts.push(['Partner Center', `[Open the offer](${portal})`]);
    facts.push(['Started', HOW[tracked.how]]);
  }
  if (report.image) {
    const { planId, version, images, state } = report.image;
    facts.push(['Plan', code(planId)], ['Image version', `${code(version)}${state ? ` (${forMarkdown(state, 200)})` : ''}`]);
    if (images)
      facts.push(['Images', forMarkdown(images, 300)]);
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
  ].map(([kind, l]) => namesItsKind(l, kind)
    ? `- [${forMarkdown(l.text, 200)}](${l.url})`
    : `- ${kind}: [${forMarkdown(l.text, 200)}](${l.url})`);
  if (links.length) {
    lines.push('### Links', '', ...links.slice(0, MAX_LINKS), '');
    if (links.length > MAX_LINKS)
      lines.push(`${links.length - MAX_LINKS} more links are not shown.`, '');
  }
  const stillRunning = op ? !isTerminal(op.status) : report.outcome === 'interrupted';
  const resume = tracked && linkTarget(tracked.location.href);
  if (resume && stillRunning && report.mode !== 'cancel') {
    lines.push(howToResume(resume, report, (input) => `\`${input}\``), '');
  }
  return bounded(lines);
}
function describeRequest(request) {
  return {
    line: `${request.method} ${request.url.pathname}${request.url.search}${Object.entries(request.headers ?? {})
            .map(([k, v]) => ` (${k}: ${v})`)
            .join('')}`,
    body: request.body ? redactEmails(request.body) : undefined,
  };
}
function previewLinks(report) {
  return (report.op?.previewLinks ?? []).flatMap((l) => {
    const url = linkTarget(l.url, MARKETPLACE_HOSTS);
    return url ? [{ text: l.text, url }] : [];
  });
}
const namesItsKind = (link, kind) => link.text.trim().toLowerCase() === kind.toLowerCase();
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
function code(text, max = 200) {
  return `\`${forLog(text, max).replace(/`/g, "'")}\``;
}
function annotations(op, noun = 'go-live') {
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
  if (op.status === 'failed' || op.status === 'canceled') {
    for (const m of op.messages) {
      if (m.level === 'error')
        out.push({ level: 'error', title: capital(noun), message: m.text });
    }
  }
  return out;
}

;// CONCATENATED MODULE: ./build/bundle/src/wait.js



const FAILURE_BUDGET_MS = 15 * 60_000;
const POLL_SPREAD = 0.1;
function pollDelayMs(intervalMs, random) {
  return intervalMs + Math.floor(random() * intervalMs * POLL_SPREAD);
}
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
      const next = await service.read(url, options.started);
      url = next.movedTo ?? url;
      failingSince = undefined;
      options.onRead?.(next, op);
      op = next;
    }
    catch (error) {
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

;// CONCATENATED MODULE: ./build/bundle/src/watch.js








function track(run, tracked) {
  const { report, settings, page } = run;
  report.tracked = tracked;
  report.operationId = settings.api.operationId(tracked.location);
  report.portal = tracked.portal ?? settings.api.portalUrl(tracked.location);
  page.output('operation-location', tracked.location.href);
  page.output('operation-id', report.operationId);
}
async function resumed(run, location) {
  const { settings, service } = run;
  const stages = await namingTheInput(async () => service.stagesOf?.(location));
  if (stages && !stages.includes(settings.target)) {
    const [its] = stages;
    const asked = settings.target === 'live' ? 'target: live (the default)' : `target: ${settings.target}`;
    throw new ActionError(`Input 'operation-location' is a ${NOUN[its]} of offer '${settings.offerId}', and this run has ${asked}: set target: ${its} to follow it, or pass the ${NOUN[settings.target]}'s operation-location.`);
  }
  return { location, how: 'resumed' };
}
async function namingTheInput(read) {
  try {
    return await read();
  }
  catch (error) {
    if (error instanceof NotFound)
      throw new NotFound(`${error.message} Check operation-location.`);
    throw error;
  }
}
function moved(run, op) {
  if (op.movedTo && run.report.tracked)
    track(run, { ...run.report.tracked, location: op.movedTo });
}
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
async function readFirst(tracked, run) {
  const { service, settings, clock, signal } = run;
  if (tracked.how === 'resumed')
    return namingTheInput(() => service.read(tracked.location, tracked.started));
  let missing;
  const op = await lookAgain(async () => {
    try {
      return await service.read(tracked.location, tracked.started);
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
function waitOn(run, title, first) {
  const { settings, service, clock, signal, report, progress } = run;
  return run.page.group(`${title} (up to ${formatDuration(settings.timeoutMs)})`, () => waitForEnd({
    service,
    url: report.tracked.location,
    started: report.tracked.started,
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
async function watch(run, first) {
  const { report, settings } = run;
  report.op = first;
  report.outcome = outcomeOf(first.status);
  const waits = settings.wait || STAGES[settings.target].waits;
  if (waits && !settings.dryRun && report.outcome === 'running') {
    const result = await waitOn(run, `Wait for the ${NOUN[settings.target]}`, first);
    report.op = result.op;
    report.outcome = result.timedOut ? 'timed-out' : outcomeOf(result.op.status);
  }
  if (report.outcome === 'succeeded' && !settings.dryRun)
    await watch_confirm(run);
  conclude(report, settings, run.page);
}
async function watch_confirm(run) {
  const { service, report, page } = run;
  if (!service.confirm || !report.image)
    return;
  const line = await page.group(`Confirm version ${report.image.version}`, () => service.confirm());
  page.info(line);
  report.image.state = 'confirmed live';
}
function settle(run, line) {
  const { report, page } = run;
  report.op = { status: 'succeeded', rawStatus: 'succeeded', steps: [], messages: [], previewLinks: [], liveLinks: [] };
  report.outcome = 'succeeded';
  page.info(line);
}
async function runToEnd(run, service, tracked, noun) {
  const { settings, clock, signal, progress } = run;
  const first = await readFirst(tracked, { service, settings, clock, signal });
  const result = isTerminal(first.status)
    ? { op: first, timedOut: false }
    : await waitForEnd({
      service,
      url: tracked.location,
      started: tracked.started,
      clock,
      signal,
      first,
      deadline: clock.now() + settings.timeoutMs,
      intervalMs: Math.min(settings.pollIntervalMs, 10_000),
      onRead: (op, previous) => progress.read(op, previous),
      onReadFailed: (message, failingFor) => progress.readFailed(message, failingFor),
    });
  if (result.op.status === 'succeeded')
    return;
  throw new ActionError(result.timedOut
    ? `The ${noun} did not end within ${formatDuration(settings.timeoutMs)} (job ${tracked.location.href}); nothing else was started.`
    : `${endedLine(noun, result.op)} (job ${tracked.location.href}); nothing else was started.`);
}
function endedLine(noun, op) {
  const reasons = failureReasons(op);
  return `The ${noun} ${op.status === 'canceled' ? 'was canceled' : 'failed'}${reasons.length ? `: ${reasons.join('; ')}` : ' without giving a reason'}`;
}
function conclude(report, settings, page) {
  const { op, tracked } = report;
  if (!op || !tracked)
    return;
  const noun = NOUN[settings.target];
  const offer = `Offer '${settings.offerId}'`;
  const resume = resumeHint(tracked.location, report);
  if (isTerminal(op.status)) {
    const reasons = new Set(failureReasons(op));
    for (const a of annotations(op, noun)) {
      if (a.level === 'error' && (reasons.has(a.message) || reasons.has(`${a.title}: ${a.message}`)))
        continue;
      (a.level === 'error' ? page.error : page.warning)(a.message, a.title);
    }
  }
  switch (report.outcome) {
    case 'succeeded':
      page.info(settings.target === 'live'
        ? `${offer} is live.`
        : settings.target === 'draft'
          ? `Plan '${settings.image?.planId}' of offer '${settings.offerId}' has version ${settings.image?.version} in its draft.`
          : readyLine(report, offer));
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
    default:
      page.fail(`${endedLine(noun, op)} (operation ${tracked.location.href}).`);
  }
}
function readyLine(report, offer) {
  switch (report.op?.preview) {
    case 'live':
      return `${offer} is live: this preview has gone live already.`;
    case 'going-live':
      return `${offer}: this preview is being put live (its go-live is in progress); start: false with target: live follows it.`;
    default: {
      const links = previewLinks(report).map((l) => (namesItsKind(l, 'Preview') ? l.url : `${l.text} ${l.url}`));
      return `${offer} is ready to go live: its preview passed validation and certification and waits for the publisher's sign-off.${links.length ? ` Preview: ${links.join(', ')}.` : ''}${report.portal ? ` Partner Center: ${report.portal}` : ''}`;
    }
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/cancel.js





const ended = (op) => isTerminal(op.status) && !op.stillRuns;
async function cancel(run) {
  const { settings, service, page, report, progress } = run;
  const noun = NOUN[settings.target];
  const offer = `offer '${settings.offerId}'`;
  const found = await begin(run, `Find the ${noun} to cancel`, async () => settings.operationLocation ? resumed(run, settings.operationLocation) : service.find());
  if (!found) {
    report.cancel = 'nothing';
    report.outcome = 'none';
    page.notice(`Nothing to cancel: ${offer} has no ${noun}.`);
    return;
  }
  const { tracked, first } = found;
  report.op = first;
  if (ended(first)) {
    if (first.status === 'canceled')
      return alreadyCanceled(run, first);
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
    if (error.op.status === 'canceled')
      return alreadyCanceled(run, error.op);
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
function alreadyCanceled(run, op) {
  const { report, page, settings } = run;
  report.op = op;
  report.cancel = 'canceled';
  report.outcome = 'canceled';
  page.info(`Already canceled: the ${NOUN[settings.target]} of offer '${settings.offerId}' reads ${op.rawStatus}; nothing was sent.`);
}

;// CONCATENATED MODULE: ./build/bundle/src/credentials.js




const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
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
function renewAt(issued) {
  return issued.expiresAt - Math.min(5 * 60_000, issued.lifetimeMs / 5);
}
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
function jwtSubject(jwt) {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  }
  catch {
    return undefined;
  }
}

;// CONCATENATED MODULE: ./build/bundle/src/follow.js


async function follow(run) {
  const { settings, service, page, report } = run;
  const noun = NOUN[settings.target];
  if (settings.dryRun)
    page.info('Dry run: this run only reads (start: false or operation-location), and does not wait.');
  const begun = await begin(run, `Find the ${noun}`, async () => {
    if (!settings.operationLocation)
      return service.find('outcome');
    page.info(`Following operation ${settings.api.operationId(settings.operationLocation)} from operation-location; no ${noun} is started.`);
    return resumed(run, settings.operationLocation);
  });
  if (begun)
    return watch(run, begun.first);
  report.outcome = 'none';
  page.notice(`No ${noun} was found for offer '${settings.offerId}'; nothing to follow (start: false).`);
}

;// CONCATENATED MODULE: ./build/bundle/src/runner.js


const MAX_FAILURE = 8000;
class RunPage {
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

;// CONCATENATED MODULE: ./build/bundle/src/settings.js





function intentOf(inputs) {
  if (inputs.cancel)
    return 'cancel';
  return inputs.start && !inputs.operationLocation ? 'start' : 'follow';
}
const MASKED_INPUTS = ['token', 'client-secret', 'notification-emails', 'image-source'];
const DEFAULTS = {
  target: 'live',
  'dry-run': 'false',
  cancel: 'false',
  start: 'true',
  wait: 'false',
  timeout: '5h',
  'poll-interval': '1m',
  'request-timeout': '5m',
  'fail-on-timeout': 'true',
  'authority-host': 'https://login.microsoftonline.com',
};
const MIN_REMOTE_POLL_MS = 5000;
const BEARER = /^bearer\s+/i;
const HOSTED_JOB_LIMIT_MS = 6 * 3_600_000;
function readSettings(readInput, apis, now = Date.now()) {
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
  const auth = readAuth((name) => (name === 'token' ? token : input(name)), api, which, other);
  const start = bool(input('start'), 'start');
  const dryRun = bool(input('dry-run'), 'dry-run');
  const cancel = bool(input('cancel'), 'cancel');
  const requestTimeoutMs = parseDuration(input('request-timeout'), 'request-timeout');
  const failOnTimeout = bool(input('fail-on-timeout'), 'fail-on-timeout');
  const location = input('operation-location');
  const operationLocation = location ? readOperationLocation(location, api, baseUrl, apis) : undefined;
  const source = readInput('image-source').trim();
  const image = readImage({
    planId: input('plan-id') && pathSegment(input('plan-id'), 'plan-id'),
    version: input('image-version'),
    source,
    tenantId: input('image-tenant-id') || (auth.kind === 'token' ? '' : auth.tenantId),
  }, { now, galleries: api.galleries, apiName: api.name, remarks });
  checkImageTarget(target, image !== undefined, source !== '', cancel);
  if (api.oneRequest?.includes(target) && (operationLocation || !start)) {
    const what = operationLocation ? "Input 'operation-location' is given" : 'Input start is false';
    throw new ActionError(`${what} with target: ${target} on api: ${api.name}: a ${STAGES[target].noun} there is one request, done when the step ends, with nothing to follow later; leave it out.`);
  }
  const previewId = input('preview-id') ? pathSegment(input('preview-id'), 'preview-id') : undefined;
  if (previewId !== undefined && target !== 'live') {
    throw new ActionError(`Input 'preview-id' is taken with target: live (the go-live of the preview reviewed); this run has target: ${target}. Leave it out.`);
  }
  return {
    api,
    apiAssumed: !given,
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
    image,
    previewId,
  };
}
function checkImageTarget(target, image, source, cancel) {
  if (target === 'draft' && !source) {
    throw new ActionError("Input 'target' is draft, which adds an image version to a plan: set plan-id, image-version and image-source.");
  }
  if (target === 'draft' && cancel) {
    throw new ActionError('Input cancel is true with target: draft: a draft change ends in seconds and cannot be cancelled; leave cancel out.');
  }
  if (target === 'preview' && image && !source) {
    throw new ActionError("Input 'image-version' with target: preview needs image-source (the image to add before the publish); to check that a version went live, use target: live.");
  }
  if (target === 'live' && source) {
    throw new ActionError("Input 'image-source' is not taken with target: live: an image reaches live only through preview. Add it with target: preview (or draft), then go live with plan-id and image-version to confirm it.");
  }
}
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
function readEmails(value) {
  if (!value.trim())
    return [];
  const list = value.split(',').map((e) => e.trim());
  const bad = list.findIndex((e) => !settings_EMAIL.test(e));
  if (bad >= 0) {
    throw new ActionError(`Input 'notification-emails' has an entry that is not an e-mail address (entry ${bad + 1} of ${list.length}): give only e-mail addresses, separated by commas (no semicolons, spaces inside an address, or trailing comma).`);
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

;// CONCATENATED MODULE: ./build/bundle/src/start.js





async function start(run) {
  const { settings, service, page, first } = run;
  const noun = NOUN[settings.target];
  if (settings.dryRun) {
    if (first) {
      const decision = await page.group(`Decide the ${NOUN[first.stage]} (dry run: nothing is sent)`, () => first.service.decide());
      if (decision.kind !== 'none')
        return dryRun(run, decision, first, `, then ${STAGES[settings.target].does}`);
      noteImage(run, decision);
      page.info(`Dry run: ${decision.line}`);
    }
    const decision = await page.group(`Decide the ${noun} (dry run: nothing is sent)`, () => service.decide());
    return dryRun(run, decision, { stage: settings.target, service });
  }
  if (first)
    await carryOut(run, first.service, first.stage);
  let done;
  const begun = await begin(run, `Start the ${noun}`, async () => {
    const result = await decideAndAct(run, service);
    if (!isDone(result))
      return result;
    done = result;
    return undefined;
  });
  if (done)
    return settle(run, done.done);
  if (begun)
    await watch(run, begun.first);
}
async function decideAndAct(run, service) {
  const decision = await service.decide();
  noteImage(run, decision);
  start_notice(run, decision);
  return act(decision, run.page.info);
}
function start_notice(run, decision) {
  if ((decision.kind === 'send' || decision.kind === 'follow') && decision.notice)
    run.page.notice(decision.notice);
}
function noteImage(run, decision) {
  if ((decision.kind === 'send' || decision.kind === 'none') && decision.image && run.report.image) {
    Object.assign(run.report.image, decision.image);
  }
}
async function carryOut(run, service, stage) {
  const noun = NOUN[stage];
  await run.page.group(`Make the ${noun}`, async () => {
    const result = await decideAndAct(run, service);
    if (isDone(result))
      return run.page.info(result.done);
    await runToEnd(run, service, result, noun);
    run.page.info(`The ${noun} succeeded.`);
  });
}
async function dryRun(run, decision, { stage, service }, then = '') {
  const { page, report } = run;
  const noun = NOUN[stage];
  if (decision.kind === 'refuse')
    throw new ActionError(decision.line);
  noteImage(run, decision);
  start_notice(run, decision);
  const request = decision.kind === 'send' ? decision.request : undefined;
  report.plan = { what: `${decision.what}${then}`, request };
  if (decision.kind === 'follow')
    track(run, decision.tracked);
  report.outcome = 'dry-run';
  page.info(`Dry run: this step would ${decision.what}${then}.`);
  if (request) {
    const { line, body } = describeRequest(request);
    page.info(`Dry run: it would send ${line}${body ? ` with the body ${body}` : ' with no body'}. Nothing was sent.`);
  }
  if (decision.kind === 'none' || !STAGES[stage].lasting)
    return;
  const current = decision.kind === 'follow' ? decision.tracked : await service.find();
  const op = current ? await service.read(current.location, current.started) : undefined;
  report.op = op;
  page.info(op
    ? `The offer's current ${noun} reads ${op.rawStatus} (the status output).`
    : `The offer has no ${noun} yet (no status output).`);
}

;// CONCATENATED MODULE: ./build/bundle/src/version.js
const version_VERSION = '1.1.0';
const USER_AGENT = `cpp-go-live-action/${version_VERSION}`;

;// CONCATENATED MODULE: ./build/bundle/src/main.js

















const INTENTS = { start: start, follow: follow, cancel: cancel };
async function run({ clock, signal } = { clock: systemClock }) {
  const startedAt = clock.now();
  const report = { outcome: 'error', elapsedMs: 0 };
  const page = new RunPage();
  let client;
  try {
    for (const name of MASKED_INPUTS) {
      const value = getInput(name);
      if (value)
        page.mask(value);
    }
    const settings = readSettings((name) => getInput(name), APIS, clock.now());
    if (settings.auth.kind === 'token')
      page.mask(settings.auth.token);
    for (const address of settings.notificationEmails)
      page.mask(address);
    for (const secret of imageSecrets(settings.image))
      page.mask(secret);
    if (settings.image)
      report.image = { planId: settings.image.planId, version: settings.image.version };
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
    const deps = { http, credentials, settings, clock, signal, log: page.info };
    const service = connect(settings.api, deps);
    const firstStage = settings.image && settings.intent === 'start' ? STAGES[settings.target].imageFirst : undefined;
    const run = {
      first: firstStage ? { stage: firstStage, service: connect(settings.api, deps, firstStage) } : undefined,
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
    if (report.op && report.target === 'preview')
      previewOutputs(report.op, page);
    if (page.outputProblem) {
      const location = report.tracked?.location;
      page.fail(`${page.outputProblem}.${location ? ` ${resumeHint(location, report)}` : ''}`);
    }
    await writeSummary(report, page);
  }
}
function previewOutputs(op, page) {
  const ended = op.status === 'succeeded';
  page.output('ready', String(ended && (op.preview ?? 'ready') === 'ready'));
  page.output('live-already', String(ended && (op.preview === 'live' || op.preview === 'going-live')));
  if (op.previewId)
    page.output('preview-id', op.previewId);
}
function fail(report, error, page) {
  const location = report.tracked?.location;
  const noun = NOUN[report.target ?? 'live'];
  if (error instanceof Cancelled) {
    report.outcome = 'interrupted';
    page.fail(location
      ? `Cancelled: stopped waiting. ${resumeHint(location, report)}`
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
    const resumable = location && !(error instanceof NotFound || error instanceof Refused) && report.mode !== 'cancel';
    page.fail(resumable ? `${error.message} ${resumeHint(location, report)}` : error.message);
    return;
  }
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

;// CONCATENATED MODULE: ./build/bundle/src/index.js



const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());
run({ clock: systemClock, signal: controller.signal }).then(() => {
  if (controller.signal.aborted)
    process.exit();
}, (error) => {
  process.exitCode = 1;
  process.stdout.write(`::error::Unexpected error: ${forLog(String(error))}\n`);
});

