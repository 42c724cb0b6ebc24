export const id = 187;
export const ids = [187];
export const modules = {

/***/ 187:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GoLive: () => (/* binding */ GoLive)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(297);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(406);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(724);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(114);
/* harmony import */ var _offer_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(391);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42);
/** Cloud Partner Portal, target live: the go-live POST, never sent twice blindly, and the operation it names. */






class GoLive {
    deps;
    offer;
    constructor(deps) {
        this.deps = deps;
        this.offer = new _offer_js__WEBPACK_IMPORTED_MODULE_4__/* .Offer */ .b(deps);
    }
    async start() {
        const { settings, log } = this.deps;
        const since = this.deps.clock.now();
        const answer = await this.goLive(since);
        if (answer.kind === 'accepted' && answer.location) {
            log(`Started the go-live of offer '${settings.offerId}': operation ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .operationId */ .Bb)(answer.location)}.`);
            return { location: answer.location, how: 'started' };
        }
        if (answer.kind === 'listed') {
            log(`${answer.after}: a go-live of offer '${settings.offerId}' is listed (operation ${answer.goLive.id}, ${answer.goLive.state || 'state not given'}); following it instead of sending the request again.`);
            return { location: this.offer.operationUrl(answer.goLive.id), how: answer.how };
        }
        const why = answer.kind === 'conflict'
            ? `The service answered 409 Conflict${answer.detail}: an operation is already running on offer '${settings.offerId}'.`
            : 'The service accepted the go-live but named no operation (no Operation-Location or Location header).';
        log(`${why} Looking for it among the offer's submissions.`);
        // The go-live may be listed only a while after the POST: keep looking before giving up.
        let seen = [];
        const budget = (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .lookBudget */ .Nr)(settings);
        const found = await (0,_service_js__WEBPACK_IMPORTED_MODULE_3__/* .lookAgain */ .IK)(async () => {
            seen = await this.offer.submissions();
            // The go-live that answered 409 may have ended by the time it is listed: one since this run began is it.
            return (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .goLiveSince */ .Ri)(seen, since) ?? (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .chooseGoLive */ .mm)(seen).other;
        }, { clock: this.deps.clock, signal: this.deps.signal, ...budget });
        if (found?.slot?.toLowerCase() === 'production') {
            log((0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .isRunning */ .W_)(found)
                ? `Attaching to the go-live already running (operation ${found.id}) instead of starting another.`
                : `Following the go-live that was running then and has ended since (operation ${found.id}, ${found.state || 'state not given'}) instead of starting another.`);
            return { location: this.offer.operationUrl(found.id), how: answer.kind === 'conflict' ? 'attached' : 'started' };
        }
        if (found) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Cannot start the go-live: a ${found.type || 'different'} operation is already running on offer '${settings.offerId}' (${this.offer.operationUrl(found.id).href}). Wait for it to end, then re-run this step.`);
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${why} No running go-live was listed on offer '${settings.offerId}' within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(budget.forMs)} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSubmissions */ .Fe)(seen)}). Re-run this step in a few minutes, or run it with start: false to follow the offer's last go-live.`);
    }
    async find() {
        const { running, latest } = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .chooseGoLive */ .mm)(await this.offer.submissions());
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
     * The go-live POST, never sent twice blindly: after an answer that may mean the service acted
     * (a cut connection, a gateway's 5xx) or one that asks to slow down (429), the submissions are
     * looked at first. A go-live listed there (running, or changed since this run began) is the one
     * this run or a sibling run started; else the POST goes again, within the retry budget (a POST
     * that meets a go-live the list did not show yet is answered 409, and attaches).
     */
    async goLive(since) {
        const purpose = 'start the go-live';
        const url = this.offer.url('/golive');
        const { clock, signal, http } = this.deps;
        const failed = [];
        for (;;) {
            let response;
            try {
                // No body is documented; real clients send none.
                response = await this.offer.session.send({ method: 'POST', url, purpose, body: '', repeatable: false });
            }
            catch (error) {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaybeSent */ .NO || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Throttled */ .xx))
                    throw error;
                const throttled = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Throttled */ .xx;
                failed.push(error.message);
                const wait = http.retryWait(failed, throttled ? error.retryAfterMs : undefined, since, purpose);
                // A throttled request is looked after only once the wait asked for has passed.
                if (throttled)
                    await clock.sleep(wait, signal);
                const goLive = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .goLiveSince */ .Ri)(await this.offer.submissions(), since);
                if (goLive) {
                    const after = throttled
                        ? `The go-live request was throttled (${error.message})`
                        : `The go-live request may have reached the service (${error.message})`;
                    return { kind: 'listed', goLive, after, how: throttled ? 'attached' : 'started' };
                }
                if (!throttled)
                    await clock.sleep(wait, signal);
                continue;
            }
            if (response.status === 409)
                return { kind: 'conflict', detail: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .errorDetail */ .m2)(response.json) };
            this.offer.session.check(response, purpose);
            const value = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(response.headers, 'operation-location') ?? (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .wx)(response.headers, 'location');
            try {
                return {
                    kind: 'accepted',
                    location: value
                        ? (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveOperationUrl */ .lm)(value, this.deps.settings.baseUrl, 'operation location the service returned')
                        : undefined,
                };
            }
            catch (error) {
                // Accepted, but named in a form no operation has: found in the list, as with no header.
                if (!(error instanceof _parse_js__WEBPACK_IMPORTED_MODULE_5__/* .UnusableLocation */ .VG))
                    throw error;
                return { kind: 'accepted', location: undefined };
            }
        }
    }
}


/***/ }),

/***/ 391:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ Offer)
/* harmony export */ });
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(584);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(245);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42);




/** Ids in paths: encoded, but `$` kept as the service writes it in operation ids. */
const segment = (id) => encodeURIComponent(id).replace(/%24/g, '$');
class Offer {
    deps;
    session;
    constructor(deps) {
        this.deps = deps;
        const { settings } = deps;
        this.session = new _session_js__WEBPACK_IMPORTED_MODULE_0__/* .Session */ .N(deps.http, deps.credentials, {
            origin: settings.baseUrl.origin,
            versioned: (url) => (0,_url_js__WEBPACK_IMPORTED_MODULE_1__/* .withQuery */ .VL)(url, 'api-version', settings.apiVersion),
            explain401: (purpose, detail, renewed) => renewed
                ? `Could not ${purpose}: HTTP 401${detail} for a token just issued to ${deps.credentials.source}. Check that the app is registered as a user of publisher '${settings.publisherId}' in Partner Center (Account settings > User management).`
                : `Could not ${purpose}: HTTP 401${detail}. The token is invalid or has expired (CPP tokens live 60 to 90 minutes): pass a fresh one, or sign in with tenant-id and client-id so the action renews it.`,
            explain: (status, detail, purpose) => (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .explainStatus */ .cq)(status, detail, purpose, settings),
        });
    }
    /** `{base}/api/publishers/{p}/offers/{o}{rest}` */
    url(rest) {
        const { publisherId, offerId, baseUrl } = this.deps.settings;
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_1__/* .under */ .hG)(baseUrl, `/api/publishers/${encodeURIComponent(publisherId)}/offers/${encodeURIComponent(offerId)}${rest}`);
    }
    /** The whole list, filtered here: no source shows the service honouring a status filter. */
    async submissions() {
        const response = await this.session.ok({
            method: 'GET',
            url: this.url('/submissions'),
            purpose: "list the offer's submissions",
            expectJson: true,
        });
        return (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSubmissions */ .tu)(response.json);
    }
    async operation(location) {
        const response = await this.session.ok({
            method: 'GET',
            url: location,
            purpose: 'read the operation status',
            expectJson: true,
            missing: `operation ${location.href}`,
        });
        return (0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parseOperation */ .$$)(response.json);
    }
    operationUrl(id) {
        return this.url(`/operations/${segment(id)}`);
    }
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ Session)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(406);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(724);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFound */ .Mk(`Could not ${request.purpose}: HTTP 404${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m2)(response.json)}; ${request.missing} does not exist.`);
        }
        this.check(response, request.purpose);
        return response;
    }
    check(response, purpose) {
        if (response.status >= 200 && response.status < 300)
            return;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(this.options.explain(response.status, (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m2)(response.json), purpose));
    }
    async send(request) {
        const { origin, versioned, explain401 } = this.options;
        if (request.url.origin !== origin) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Refused to send the token to ${request.url.origin}: it goes to base-url's origin ${origin} only.`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(explain401(request.purpose, (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m2)(response.json), false));
        }
        const retried = await attempt();
        if (retried.status === 401)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(explain401(request.purpose, (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m2)(retried.json), true));
        return retried;
    }
}


/***/ })

};
