export const id = 894;
export const ids = [894];
export const modules = {

/***/ 917:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DK: () => (/* reexport safe */ _api_js__WEBPACK_IMPORTED_MODULE_1__.DK),
/* harmony export */   b1: () => (/* binding */ MAX_POSTS),
/* harmony export */   gD: () => (/* binding */ Account)
/* harmony export */ });
/* unused harmony exports SCHEMA_HOST, SUBMISSION_SCHEMA, MAX_PAGES, explainStatus */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(406);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(398);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(584);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(373);
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
        this.session = new _session_js__WEBPACK_IMPORTED_MODULE_2__/* .Session */ .N(deps.http, deps.credentials, {
            origin: settings.baseUrl.origin,
            versioned: (url) => (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .withQuery */ .VL)(url, '$version', settings.apiVersion),
            explain401: (purpose, detail, renewed) => `Could not ${purpose}: HTTP 401${detail}. ${renewed
                ? `A token just issued to ${deps.credentials.source} was refused: check that it is issued for ${_api_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE */ .bD} and that the app is added in Partner Center (Account settings > User management > Azure AD applications).`
                : `The token must be issued for ${_api_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE */ .bD} (scope ${_api_js__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE */ .bD}/.default) and unexpired: pass a fresh one, or sign in with tenant-id and client-id so the action gets and renews it.`}`,
            explain: explainStatus,
        });
    }
    /** The product GUID of offer-id: the product whose identity.externalId it is. */
    async product() {
        if (this.guid)
            return this.guid;
        const { offerId, baseUrl } = this.deps.settings;
        const url = (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(baseUrl, '/product');
        url.searchParams.set('externalId', offerId);
        let guid;
        await this.pages(url, `find offer '${offerId}'`, (body) => (guid = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .productGuid */ .bJ)(body, offerId)) !== undefined);
        if (!guid) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`No offer with the id '${offerId}' in the Partner Center account of this app: check offer-id (the offer id shown in Partner Center). Offers still served by the Cloud Partner Portal need api: cloud-partner-portal.`);
        }
        return (this.guid = guid);
    }
    async submissions(guid) {
        const list = [];
        await this.pages((0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(this.deps.settings.baseUrl, `/submission/${guid}`), "list the offer's submissions", (body) => {
            list.push(...(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseSubmissions */ .tu)(body));
            return false;
        });
        return list;
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
            const next = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .nextLink */ .IX)(response.json);
            if (!next)
                return;
            if (page >= MAX_PAGES) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Could not ${purpose}: the list goes on past ${MAX_PAGES} pages, more than any offer has. Check base-url; re-run if the service was in trouble.`);
            }
            url = (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveUnder */ .pX)(next, this.deps.settings.baseUrl, 'next page link the service returned');
        }
    }
    /** `POST configure` with one submission resource, never repeated by the client itself. */
    configure(resource, purpose) {
        const { settings } = this.deps;
        return this.session.send({
            method: 'POST',
            url: (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(settings.baseUrl, '/configure'),
            purpose,
            body: JSON.stringify({
                $schema: `${SCHEMA_HOST}/configure/${settings.apiVersion}`,
                resources: [{ $schema: SUBMISSION_SCHEMA, ...resource }],
            }),
            expectJson: true,
            repeatable: false,
        });
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
        return (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .jobOperation */ .v3)(response.json);
    }
    submissionUrl(submission) {
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(this.deps.settings.baseUrl, `/${submission.id}`);
    }
    jobUrl(id) {
        return (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(this.deps.settings.baseUrl, `/configure/${id}/status`);
    }
}
function explainStatus(status, detail, purpose) {
    const failed = `Could not ${purpose}: HTTP ${status}${detail}`;
    switch (status) {
        case 400:
            return /deprecated schema/i.test(detail)
                ? `${failed}. Set api-version to a version the service still serves, such as ${_api_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_VERSION */ .jD}.`
                : `${failed}. The service refused the request (not retried).`;
        case 403:
            return `${failed}. The app has no access to this Partner Center account: add it in Partner Center (Account settings > User management > Azure AD applications) with the Manager role.`;
        case 404:
            return `${failed}. The service knows no such resource: check offer-id and base-url.`;
        default:
            return `${failed}. The service gave an unexpected answer; re-run later, and check base-url if it persists.`;
    }
}


/***/ }),

/***/ 894:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GoLive: () => (/* binding */ GoLive)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(297);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(406);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(715);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(114);
/* harmony import */ var _account_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(917);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(373);
/** Product Ingestion, target live: promote the newest succeeded preview, at most once, and follow it. */






class GoLive {
    deps;
    account;
    /** The submission this run asked to put live, once it sent the request. */
    promoting;
    constructor(deps) {
        this.deps = deps;
        this.account = new _account_js__WEBPACK_IMPORTED_MODULE_3__/* .Account */ .gD(deps);
    }
    async start() {
        const guid = await this.account.product();
        return this.carryOut(guid, (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .planGoLive */ .Mi)(await this.account.submissions(guid), this.deps.settings.offerId));
    }
    carryOut(guid, plan) {
        const { settings, log } = this.deps;
        switch (plan.kind) {
            case 'refuse':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(plan.reason);
            case 'attach':
                log(`A go-live of offer '${settings.offerId}' is already in progress (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(plan.live.id)}); following it instead of starting another.`);
                return { location: this.account.submissionUrl(plan.live), how: 'attached' };
            case 'already-live':
                log(`Offer '${settings.offerId}' is already live with submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(plan.live.id)}; no go-live was started.`);
                return { location: this.account.submissionUrl(plan.live), how: 'already-live' };
            case 'promote':
                return this.promote(guid, plan.preview);
        }
    }
    async find() {
        const guid = await this.account.product();
        const live = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .chooseLive */ .oC)(await this.account.submissions(guid));
        if (!live)
            return undefined;
        this.deps.log(`Following the offer's live submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(live.id)} (${live.status || 'no status'}).`);
        return { location: this.account.submissionUrl(live), how: 'found' };
    }
    async read(location) {
        const followed = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFollowed */ .q)(location.pathname);
        if (followed?.kind === 'job') {
            const op = await this.account.job(location, followed.jobId, 'go-live');
            const refusedFor = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .inProgressRefusal */ .DA)(op);
            return refusedFor ? this.heldBy(refusedFor, followed.jobId) : op;
        }
        if (!followed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Cannot read ${location.pathname}: not a Product Ingestion go-live.`);
        // A submission id is shared by its preview and live entries: the live one is read from the list.
        const durableId = `submission/${followed.productGuid}/${followed.id}`;
        const live = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .chooseLive */ .oC)((await this.account.submissions(followed.productGuid)).filter((s) => s.id === durableId));
        if (!live)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFound */ .Mk(`Submission ${followed.id} has no live entry in the product's submissions.`);
        return (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionOperation */ .K3)(live);
    }
    /** POST configure; a POST that may have reached the service is not repeated before looking. */
    async promote(guid, preview) {
        const { settings, log } = this.deps;
        const purpose = 'start the go-live';
        this.promoting = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(preview.id);
        const since = this.deps.clock.now();
        const throttled = [];
        let unanswered = 0;
        for (;;) {
            let response;
            try {
                response = await this.account.configure({ id: preview.id, product: `product/${guid}`, target: { targetType: 'live' } }, purpose);
            }
            catch (error) {
                if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Throttled */ .xx) {
                    // Not acted on. Meanwhile another run may have put the same preview live: decide again.
                    throttled.push(error.message);
                    const wait = this.deps.http.retryWait(throttled, error.retryAfterMs, since, purpose);
                    await this.deps.clock.sleep(wait, this.deps.signal);
                    const plan = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .planGoLive */ .Mi)(await this.account.submissions(guid), settings.offerId);
                    if (plan.kind !== 'promote' || plan.preview.id !== preview.id)
                        return this.carryOut(guid, plan);
                    continue;
                }
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaybeSent */ .NO))
                    throw error;
                unanswered++;
                log(`The go-live request may have reached the service (${error.message}); looking for the go-live before sending it again.`);
                const live = await this.lookForGoLive(guid, preview);
                if (live)
                    return live;
                if (unanswered >= _account_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_POSTS */ .b1) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not ${purpose}: ${unanswered} requests failed before an answer (${error.message}), and no go-live was listed within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)((0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings).forMs)}. Re-run this step; it will not start a second go-live.`);
                }
                continue;
            }
            this.account.session.check(response, purpose);
            const id = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .jobId */ .Db)(response.json);
            if (id) {
                log(`Started the go-live of offer '${settings.offerId}' (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(preview.id)}): job ${id}.`);
                return { location: this.account.jobUrl(id), how: 'started', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_3__/* .productPage */ .DK)(guid) };
            }
            // The service accepted it: never sent again. The job cannot be followed; its go-live can.
            log(`The service accepted the go-live (HTTP ${response.status}) but named no job in the form of one (${(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .describeShape */ .vJ)(response.json)}); looking for the go-live among the offer's submissions.`);
            const live = await this.lookForGoLive(guid, preview);
            if (live)
                return live;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The service accepted the go-live of offer '${settings.offerId}' but named no job, and no go-live was listed within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)((0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings).forMs)}. It was not sent again: run this action with start: false later to follow the offer's go-live.`);
        }
    }
    /** Looks, for a while, for the go-live of `preview` that a request of this run started. */
    async lookForGoLive(guid, preview) {
        const live = await (0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookAgain */ .IK)(async () => (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .startedGoLive */ .WZ)(await this.account.submissions(guid), preview), {
            clock: this.deps.clock,
            signal: this.deps.signal,
            ...(0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(this.deps.settings),
        });
        if (!live)
            return undefined;
        this.deps.log(`Following the go-live that request started (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionNumber */ .aY)(live.id)}).`);
        return { location: this.account.submissionUrl(live), how: 'started', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_3__/* .productPage */ .DK)(guid) };
    }
    /**
     * The service refused job `job` because submission `n` is being published. When that is the
     * go-live of the same submission (the one this run asked for, or any go-live for a job this run
     * only follows), it is this run's go-live: follow it. Any other publish fails the step.
     */
    async heldBy(n, job) {
        const { settings, log } = this.deps;
        const guid = await this.account.product();
        const found = await (0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookAgain */ .IK)(async () => (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .holder */ .Lm)(await this.account.submissions(guid), n), {
            clock: this.deps.clock,
            signal: this.deps.signal,
            ...(0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings),
        });
        const sameSubmission = this.promoting === undefined || this.promoting === n;
        if (found?.kind === 'go-live' && sameSubmission) {
            log(`Job ${job} was refused because the go-live of submission ${n} is already in progress on offer '${settings.offerId}'; following that go-live instead.`);
            return { ...(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .submissionOperation */ .K3)(found.live), movedTo: this.account.submissionUrl(found.live) };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Cannot go live: the service refused job ${job} because ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHolder */ .sG)(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end (start: false follows the offer's go-live), then re-run this step.`);
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
