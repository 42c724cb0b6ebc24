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
/* harmony import */ var _answer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(867);
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
                return { kind: 'conflict', detail: (0,_answer_js__WEBPACK_IMPORTED_MODULE_2__/* .errorDetail */ .m)(response.json) };
            this.offer.session.check(response, purpose);
            const value = (0,_answer_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .w)(response.headers, 'operation-location') ?? (0,_answer_js__WEBPACK_IMPORTED_MODULE_2__/* .header */ .w)(response.headers, 'location');
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

/***/ 42:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ parseOperation),
/* harmony export */   Bb: () => (/* reexport safe */ _urls_js__WEBPACK_IMPORTED_MODULE_2__.Bb),
/* harmony export */   Fe: () => (/* binding */ describeSubmissions),
/* harmony export */   JS: () => (/* binding */ chooseBySlot),
/* harmony export */   N_: () => (/* binding */ planPublish),
/* harmony export */   Ri: () => (/* binding */ goLiveSince),
/* harmony export */   VG: () => (/* reexport safe */ _urls_js__WEBPACK_IMPORTED_MODULE_2__.VG),
/* harmony export */   W_: () => (/* binding */ isRunning),
/* harmony export */   _w: () => (/* binding */ startedSince),
/* harmony export */   lm: () => (/* reexport safe */ _urls_js__WEBPACK_IMPORTED_MODULE_2__.lm),
/* harmony export */   mm: () => (/* binding */ chooseGoLive),
/* harmony export */   pE: () => (/* binding */ previewStatus),
/* harmony export */   tu: () => (/* binding */ parseSubmissions),
/* harmony export */   ue: () => (/* binding */ parseOfferStatus)
/* harmony export */ });
/* unused harmony exports normaliseStatus, stepState */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(406);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(715);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(518);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(491);
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) || typeof value.status !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The operation status answer has an unexpected shape (${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .describeShape */ .vJ)(body)}); expected an object with a "status".`);
    }
    const steps = Array.isArray(value.steps) ? value.steps.filter(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4).map(parseStep) : [];
    const messages = parseMessages(value.messages);
    const error = value.error;
    if (error !== undefined && error !== null) {
        const text = typeof error === 'string' ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(error) : (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(error) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(error.message) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(error.code) : '';
        if (text)
            messages.push({ text: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(text), level: 'error' });
    }
    const rawStatus = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(value.status));
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
    const list = Array.isArray(body) ? body : (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body) && Array.isArray(body.value) ? body.value : undefined;
    if (!list) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The submissions list has an unexpected shape (${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .describeShape */ .vJ)(body)}); expected an array.`);
    }
    return list.filter(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4).flatMap((item) => {
        const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.id);
        if (!id)
            return [];
        return [
            {
                id,
                type: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.submissionType),
                state: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.submissionState) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.status),
                slot: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.slot) || undefined,
                changedTime: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.changedTime) || undefined,
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
        const what = inSlot('production')(other) ? 'its go-live' : `a ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(other.type || 'different')} operation`;
        return {
            kind: 'refuse',
            reason: `Cannot publish offer '${offerId}' to preview: ${what} (operation ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(other.id)}) is in progress. Wait for it to end (start: false follows it), then re-run this step.`,
        };
    }
    return { kind: 'publish' };
}
function parseOfferStatus(body) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body) || typeof body.status !== 'string')
        return undefined;
    return {
        status: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(body.status)),
        steps: Array.isArray(body.steps) ? body.steps.filter(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4).map(parseStep) : [],
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
        return { ...op, status: 'succeeded', rawStatus, unknownStatus: undefined, preview: 'ready', previewLinks };
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
        .map((s) => `${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(s.type || s.slot || 'untyped')} ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(s.state || 'without a state')}`);
    return `${list.length} listed: ${shown.join(', ')}${list.length > 5 ? ', ...' : ''}`;
}
function parseStep(raw, index) {
    const status = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.status)) || 'notStarted';
    const progress = typeof raw.progressPercentage === 'number' ? raw.progressPercentage : undefined;
    return {
        id: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.id) || `step-${index}`,
        name: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.stepName) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.id) || `Step ${index + 1}`),
        status,
        state: stepState(status),
        progress,
        estimate: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.estimatedTimeFrame) ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(raw.estimatedTimeFrame)) : undefined,
        messages: parseMessages(raw.messages),
    };
}
function parseMessages(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.filter(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4).flatMap((m) => {
        const text = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.messageHtml) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.messageText) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.message));
        if (!text)
            return [];
        return [{ text, level: ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.level) || 'information').toLowerCase(), timestamp: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(m.timestamp) || undefined }];
    });
}
function parseLinks(raw) {
    if (!Array.isArray(raw))
        return [];
    return raw.flatMap((item) => {
        const url = typeof item === 'string' ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item) : (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.uri) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.url) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.href) : '';
        if (!/^https?:\/\//i.test(url))
            return [];
        const text = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item) ? (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.displayText) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.text) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.name)) : '';
        return [{ text: text || url, url: (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .redactEmails */ .HV)(url) }];
    });
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ Session)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(406);
/* harmony import */ var _answer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(867);


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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotFound */ .Mk(`Could not ${request.purpose}: HTTP 404${(0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m)(response.json)}; ${request.missing} does not exist.`);
        }
        this.check(response, request.purpose);
        return response;
    }
    check(response, purpose) {
        if (response.status >= 200 && response.status < 300)
            return;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(this.options.explain(response.status, (0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m)(response.json), purpose));
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(explain401(request.purpose, (0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m)(response.json), false));
        }
        const retried = await attempt();
        if (retried.status === 401)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(explain401(request.purpose, (0,_answer_js__WEBPACK_IMPORTED_MODULE_1__/* .errorDetail */ .m)(retried.json), true));
        return retried;
    }
}


/***/ })

};
