import * as pulumi from "@pulumi/pulumi";
/**
 * The Cozmox provider: the API and the rules that protect the people called.
 */
export declare class Provider extends pulumi.ProviderResource {
    /**
     * Returns true if the given object is an instance of Provider.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    static isInstance(obj: any): obj is Provider;
    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions);
}
/**
 * The set of arguments for constructing a Provider resource.
 */
export interface ProviderArgs {
    /**
     * The Cozmox API key (or COZMOX_API_KEY).
     */
    apiKey?: pulumi.Input<string | undefined>;
    /**
     * The Cozmox API's base URL (or COZMOX_BASE_URL).
     */
    baseUrl?: pulumi.Input<string | undefined>;
    /**
     * How often one person may be called across the org's campaigns, as N/PERIOD (1/24h: once a day; 2/7d: twice a week).
     */
    callLimit?: pulumi.Input<string | undefined>;
    /**
     * A TOML file of calling hours by region.
     */
    callingPolicy?: pulumi.Input<string | undefined>;
    /**
     * A file of numbers never to call (one a line, or a CSV column).
     */
    doNotCall?: pulumi.Input<string | undefined>;
    /**
     * Seconds a request may take (or COZMOX_REQUEST_TIMEOUT).
     */
    requestTimeout?: pulumi.Input<number | undefined>;
    /**
     * Seconds a request answered 429 (rate limited) is retried, 300 by default (or COZMOX_RETRY_DEADLINE).
     */
    retryDeadline?: pulumi.Input<number | undefined>;
}
//# sourceMappingURL=provider.d.ts.map