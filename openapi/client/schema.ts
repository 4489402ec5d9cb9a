// Generated from openapi/v1.json by `node ace api:openapi`: do not edit.
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CursorMeta: {
            /** @description Pass as `?cursor=`; null at the end. */
            nextCursor: string | null;
            perPage: number;
        };
        FieldProblem: {
            /** @description Dotted path in the body or query: `labelIds.0`. */
            field: string;
            message: string;
            /** @description The rule that refused it: `required`, `maxLength`... */
            rule: string;
        };
        ListLinks: {
            next: string | null;
            prev: string | null;
            self: string;
        };
        PageMeta: {
            lastPage: number;
            page: number;
            perPage: number;
            total: number;
        };
        /** @description A 412 problem: `current` holds the representation that is there now. */
        PreconditionProblem: components["schemas"]["Problem"] & {
            current: unknown;
        };
        /** @description An error as problem details (RFC 9457), sent as application/problem+json. */
        Problem: {
            /** @description A stable error code, e.g. `E_NOT_FOUND`. */
            code?: string;
            /** @description The representation that is there now (412 only). */
            current?: unknown;
            /** @description What went wrong in this request. */
            detail: string;
            errors?: components["schemas"]["FieldProblem"][];
            status: number;
            /** @description The status's reason phrase. */
            title: string;
            /** @description `about:blank` unless the problem has its own page. */
            type: string;
        };
        /** @description A 422 problem: one entry in `errors` per refused field. */
        ValidationProblem: components["schemas"]["Problem"] & {
            errors: components["schemas"]["FieldProblem"][];
        };
    };
    responses: never;
    parameters: {
        /** @description A unique key for this POST: a retry with the same key and body replays the first answer; the same key with another body is 422, and while the first call runs, 409. */
        IdempotencyKey: string;
        /** @description The ETag of the version this write changes (428 without it, 412 when stale). */
        IfMatch: string;
        /** @description An ETag the caller holds: 304 with no body when it is still current. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description The version of the representation; send it back in If-Match or If-None-Match. */
        ETag: string;
        /** @description Requests allowed in the current window. */
        "RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "RateLimit-Reset": number;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description How to authenticate: `Bearer` with an access token. */
        "WWW-Authenticate": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
