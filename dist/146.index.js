export const id = 146;
export const ids = [146];
export const modules = {

/***/ 146:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PreviewPublish: () => (/* binding */ PreviewPublish)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(297);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(406);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(715);
/* harmony import */ var _service_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(114);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(584);
/* harmony import */ var _account_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(917);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(373);
/** Product Ingestion, target preview: publish the draft to preview at most once, and follow it to ready. */







class PreviewPublish {
    deps;
    account;
    /** The preview submissions listed before this run's publish request, once it sent one. */
    known;
    constructor(deps) {
        this.deps = deps;
        this.account = new _account_js__WEBPACK_IMPORTED_MODULE_4__/* .Account */ .gD(deps);
    }
    async start() {
        const guid = await this.account.product();
        return this.carryOut(guid, (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .planPreview */ .Aq)(await this.account.submissions(guid), this.deps.settings.offerId));
    }
    async carryOut(guid, plan) {
        const { settings, log } = this.deps;
        switch (plan.kind) {
            case 'refuse':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(plan.reason);
            case 'attach':
                log(`A preview publish of offer '${settings.offerId}' is already in progress (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(plan.preview.id)}); following it instead of starting another.`);
                return { location: this.account.submissionUrl(plan.preview), how: 'attached', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_4__/* .productPage */ .DK)(guid) };
            case 'publish': {
                if (plan.latest && (await this.unchangedSince(guid, plan.latest))) {
                    log(`Nothing changed in offer '${settings.offerId}' since its preview (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(plan.latest.id)}): the draft and the preview hold the same resources, so no preview publish was started (it would certify the same content again).`);
                    return { location: this.account.submissionUrl(plan.latest), how: 'unchanged', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_4__/* .productPage */ .DK)(guid) };
                }
                return this.publish(guid, plan.known);
            }
        }
    }
    /**
     * Whether the draft holds nothing new since preview `latest`: the draft and preview resource
     * trees compared. A service that does not serve them (or a tree the action cannot read) cannot
     * tell: the preview is published.
     */
    async unchangedSince(guid, latest) {
        const tree = async (targetType) => {
            const url = (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .under */ .hG)(this.deps.settings.baseUrl, `/resource-tree/product/${guid}`);
            url.searchParams.set('targetType', targetType);
            const response = await this.account.session.send({
                method: 'GET',
                url,
                purpose: `read the offer's ${targetType} resources`,
                expectJson: true,
            });
            return response.status === 200 ? response.json : undefined;
        };
        const same = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .sameContent */ .Cm)(await tree('draft'), await tree('preview'));
        if (same === undefined) {
            this.deps.log(`Could not compare the draft with the preview (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(latest.id)}): the service did not serve both resource trees, so the draft is published to preview.`);
        }
        return same === true;
    }
    async find() {
        const guid = await this.account.product();
        const preview = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .choosePreview */ .Ix)(await this.account.submissions(guid));
        if (!preview)
            return undefined;
        this.deps.log(`Following the offer's preview submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(preview.id)} (${preview.status || 'no status'}).`);
        return { location: this.account.submissionUrl(preview), how: 'found', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_4__/* .productPage */ .DK)(guid) };
    }
    async read(location) {
        const followed = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFollowed */ .q)(location.pathname);
        if (!followed)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Cannot read ${location.pathname}: not a Product Ingestion preview publish.`);
        if (followed.kind === 'submission') {
            const list = await this.account.submissions(followed.productGuid);
            const durableId = `submission/${followed.productGuid}/${followed.id}`;
            const preview = list.find((s) => s.id === durableId && s.target === 'preview');
            if (!preview)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NotFound */ .Mk(`Submission ${followed.id} has no preview entry in the product's submissions.`);
            return this.said((0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .previewOperation */ .CW)(list, preview));
        }
        const job = await this.account.job(location, followed.jobId, 'preview publish');
        const refusedFor = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .inProgressRefusal */ .DA)(job);
        if (refusedFor)
            return this.heldBy(refusedFor, followed.jobId);
        if (job.status !== 'succeeded')
            return job;
        const guid = await this.account.product();
        const { op, preview, unchanged } = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .confirmPreview */ .jt)(job, await this.account.submissions(guid), this.known);
        if (unchanged && preview) {
            this.deps.log(`The preview job succeeded without a new preview: nothing new was published. Reporting the existing preview (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(preview.id)}).`);
        }
        return this.said(op);
    }
    /** The first read that finds the preview live or going live says so once. */
    told = false;
    said(op) {
        if (!this.told && (op.preview === 'live' || op.preview === 'going-live')) {
            this.told = true;
            this.deps.log(op.preview === 'live'
                ? `This preview of offer '${this.deps.settings.offerId}' has gone live already.`
                : `This preview of offer '${this.deps.settings.offerId}' is being put live: its go-live is in progress.`);
        }
        return op;
    }
    /** POST configure for target preview, never repeated before the action has looked for it. */
    async publish(guid, known) {
        const { settings, log } = this.deps;
        const purpose = 'start the preview publish';
        this.known = known;
        const since = this.deps.clock.now();
        const throttled = [];
        let unanswered = 0;
        for (;;) {
            let response;
            try {
                // Method 1, "publish all draft resources": the submission resource without an id.
                response = await this.account.configure({ product: `product/${guid}`, target: { targetType: 'preview' } }, purpose);
            }
            catch (error) {
                if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .Throttled */ .xx) {
                    throttled.push(error.message);
                    await this.deps.clock.sleep(this.deps.http.retryWait(throttled, error.retryAfterMs, since, purpose), this.deps.signal);
                    // A sibling run may have started the same publish meanwhile: decide again.
                    const plan = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .planPreview */ .Aq)(await this.account.submissions(guid), settings.offerId);
                    if (plan.kind !== 'publish')
                        return this.carryOut(guid, plan);
                    continue;
                }
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .MaybeSent */ .NO))
                    throw error;
                unanswered++;
                log(`The preview publish request may have reached the service (${error.message}); looking for the publish before sending it again.`);
                const found = await this.lookForPublish(guid, known);
                if (found)
                    return found;
                if (unanswered >= _account_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_POSTS */ .b1) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Could not ${purpose}: ${unanswered} requests failed before an answer (${error.message}), and no preview publish was listed within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)((0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings).forMs)}. Re-run this step; it follows a publish in progress instead of starting another.`);
                }
                continue;
            }
            this.account.session.check(response, purpose);
            const id = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .jobId */ .Db)(response.json);
            if (id) {
                log(`Started the preview publish of offer '${settings.offerId}': job ${id}.`);
                return { location: this.account.jobUrl(id), how: 'started', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_4__/* .productPage */ .DK)(guid) };
            }
            log(`The service accepted the preview publish (HTTP ${response.status}) but named no job in the form of one (${(0,_json_js__WEBPACK_IMPORTED_MODULE_6__/* .describeShape */ .vJ)(response.json)}); looking for it among the offer's submissions.`);
            const found = await this.lookForPublish(guid, known);
            if (found)
                return found;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The service accepted the preview publish of offer '${settings.offerId}' but named no job, and no preview was listed within ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)((0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings).forMs)}. It was not sent again: run this action with target: preview and start: false later to follow the offer's preview.`);
        }
    }
    /** A preview publish a request of this run may have started: one in progress, or a preview listed since. */
    async lookForPublish(guid, known) {
        const preview = await (0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookAgain */ .IK)(async () => {
            const list = await this.account.submissions(guid);
            const plan = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .planPreview */ .Aq)(list, this.deps.settings.offerId);
            if (plan.kind === 'attach')
                return plan.preview;
            return list.find((s) => s.target === 'preview' && !known.includes(s.id));
        }, { clock: this.deps.clock, signal: this.deps.signal, ...(0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(this.deps.settings) });
        if (!preview)
            return undefined;
        this.deps.log(`Following the preview publish that request started (submission ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .submissionNumber */ .aY)(preview.id)}).`);
        return { location: this.account.submissionUrl(preview), how: 'started', portal: (0,_account_js__WEBPACK_IMPORTED_MODULE_4__/* .productPage */ .DK)(guid) };
    }
    /**
     * The service refused job `job` because submission `n` is being published: another run's
     * preview publish of this offer is followed instead; a go-live in progress fails the step.
     */
    async heldBy(n, job) {
        const { settings, log } = this.deps;
        const guid = await this.account.product();
        const found = await (0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookAgain */ .IK)(async () => (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .holder */ .Lm)(await this.account.submissions(guid), n), {
            clock: this.deps.clock,
            signal: this.deps.signal,
            ...(0,_service_js__WEBPACK_IMPORTED_MODULE_2__/* .lookBudget */ .Nr)(settings),
        });
        if (found?.kind === 'other' && found.publish.target === 'preview') {
            log(`Job ${job} was refused because a preview publish of offer '${settings.offerId}' is already in progress (submission ${n}); following that one instead.`);
            const list = await this.account.submissions(guid);
            return { ...(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .previewOperation */ .CW)(list, found.publish), movedTo: this.account.submissionUrl(found.publish) };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Cannot publish to preview: the service refused job ${job} because ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHolder */ .sG)(found, n)} is already in progress on offer '${settings.offerId}'. Wait for it to end, then re-run this step.`);
    }
}


/***/ })

};
