/**
 * The Cozmox API key (or COZMOX_API_KEY).
 */
export declare const apiKey: string | undefined;
/**
 * The Cozmox API's base URL (or COZMOX_BASE_URL).
 */
export declare const baseUrl: string | undefined;
/**
 * How often one person may be called across the org's campaigns, as N/PERIOD (1/24h: once a day; 2/7d: twice a week).
 */
export declare const callLimit: string | undefined;
/**
 * A TOML file of calling hours by region.
 */
export declare const callingPolicy: string | undefined;
/**
 * A file of numbers never to call (one a line, or a CSV column).
 */
export declare const doNotCall: string | undefined;
/**
 * Seconds a request may take (or COZMOX_REQUEST_TIMEOUT).
 */
export declare const requestTimeout: number | undefined;
/**
 * Seconds a request answered 429 (rate limited) is retried, 300 by default (or COZMOX_RETRY_DEADLINE).
 */
export declare const retryDeadline: number | undefined;
//# sourceMappingURL=vars.d.ts.map