export const id = 917;
export const ids = [917];
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

/***/ 373:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aq: () => (/* binding */ planPreview),
/* harmony export */   CW: () => (/* binding */ previewOperation),
/* harmony export */   Cm: () => (/* binding */ sameContent),
/* harmony export */   DA: () => (/* binding */ inProgressRefusal),
/* harmony export */   Db: () => (/* binding */ jobId),
/* harmony export */   IX: () => (/* binding */ nextLink),
/* harmony export */   Ix: () => (/* binding */ choosePreview),
/* harmony export */   K3: () => (/* binding */ submissionOperation),
/* harmony export */   Lm: () => (/* binding */ holder),
/* harmony export */   Mi: () => (/* binding */ planGoLive),
/* harmony export */   WZ: () => (/* binding */ startedGoLive),
/* harmony export */   aY: () => (/* binding */ submissionNumber),
/* harmony export */   bJ: () => (/* binding */ productGuid),
/* harmony export */   jt: () => (/* binding */ confirmPreview),
/* harmony export */   oC: () => (/* binding */ chooseLive),
/* harmony export */   q: () => (/* reexport safe */ _urls_js__WEBPACK_IMPORTED_MODULE_2__.q),
/* harmony export */   sG: () => (/* binding */ describeHolder),
/* harmony export */   tu: () => (/* binding */ parseSubmissions),
/* harmony export */   v3: () => (/* binding */ jobOperation)
/* harmony export */ });
/* unused harmony export errorMessages */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(406);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(715);
/* harmony import */ var _sanitize_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(518);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(650);
/** The Product Ingestion API's answers, read into the normalised model. Pure functions only. */





const lower = (text) => text.toLowerCase();
/**
 * The product GUID of offer `offerId` in one page of `GET product?externalId=…`: the product whose
 * `identity.externalId` is the offer id, compared without regard to case as the service matches. A
 * product of another offer is never taken, even first in the list (a filter a proxy dropped).
 */
function productGuid(body, offerId) {
    const match = listOf(body, 'The product lookup answer').find((item) => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item) && (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item.identity) && lower((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.identity.externalId)) === lower(offerId));
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(match))
        return undefined;
    const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(match.id);
    const guid = _urls_js__WEBPACK_IMPORTED_MODULE_2__/* .PRODUCT_ID */ .OI.exec(id);
    if (!guid)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The product lookup answered an id that is not a product id ('${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(id)}').`);
    return guid[1];
}
/** The next page of a list (`@nextLink`, as the service writes it; `nextLink` too), if any. */
function nextLink(body) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body))
        return undefined;
    const link = [body['@nextLink'], body.nextLink].find((value) => typeof value === 'string' && value !== '');
    return link === undefined ? undefined : (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(link);
}
function listOf(body, what) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body) || !Array.isArray(body.value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} has an unexpected shape (${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .describeShape */ .vJ)(body)}); expected {"value": [...]}.`);
    }
    return body.value;
}
function parseSubmissions(body) {
    return listOf(body, 'The submissions list')
        .filter(_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)
        .flatMap((item) => {
        const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.id);
        if (!_urls_js__WEBPACK_IMPORTED_MODULE_2__/* .SUBMISSION_ID */ .Pg.test(id))
            return [];
        const target = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item.target) ? lower((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.target.targetType)) : '';
        return [
            { id, target, status: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.status), result: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.result), created: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(item.created) || undefined },
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
            reason: `Cannot go live yet: the latest preview of ${name} (submission ${id}) is ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(preview.status)}. Wait for the preview to finish, then re-run.`,
        };
    }
    if (!succeeded(preview)) {
        return {
            kind: 'refuse',
            reason: `Cannot go live: the latest preview of ${name} (submission ${id}) ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(preview.result || 'did not succeed')}. Fix the offer and publish it to preview again, then go live.`,
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
        const what = running.target === 'live' ? 'its go-live' : `a ${(0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(running.target || 'publish')} publish`;
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
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(tree) || !Array.isArray(tree.resources) || tree.resources.length === 0)
            return undefined;
        return tree.resources
            .filter((r) => !((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(r) && /^submission\//.test((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(r.id))))
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value))
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
/** `1152921505698967817` from `submission/{guid}/1152921505698967817`. */
function submissionNumber(durableId) {
    return durableId.split('/').pop() ?? durableId;
}
/**
 * The job id of a configure answer: `jobId`, or `jobID` as newer documentation samples print it;
 * undefined when it names none in the documented form (a GUID), which then goes into no URL.
 */
function jobId(body) {
    const id = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(body.jobId) || (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(body.jobID) : '';
    return _urls_js__WEBPACK_IMPORTED_MODULE_2__/* .JOB_ID */ .mu.test(id) ? id : undefined;
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(body) || typeof body.jobStatus !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The job status answer has an unexpected shape (${(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .describeShape */ .vJ)(body)}); expected a "jobStatus".`);
    }
    const jobStatus = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(body.jobStatus));
    const jobResult = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(body.jobResult));
    return normalised(jobStatus, jobResult, Array.isArray(body.errors) ? errorMessages(body.errors) : []);
}
/** A live submission as an operation: its `status` until `completed`, then its `result`. */
function submissionOperation(submission) {
    return normalised((0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(submission.status || 'notStarted'), (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)(submission.result), []);
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
            if (out.length >= MAX_ERRORS || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(e))
                continue;
            const text = (0,_sanitize_js__WEBPACK_IMPORTED_MODULE_1__/* .clean */ .uH)([(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(e.code), (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(e.message)].filter(Boolean).join(': '));
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
