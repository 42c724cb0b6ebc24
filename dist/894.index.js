export const id = 894;
export const ids = [894];
export const modules = {

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


/***/ })

};
