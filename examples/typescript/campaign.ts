// The Cozmox Campaign resource for TypeScript programs, served by the native plugin
// (pulumi-resource-cozmox). Property names and docs are the plugin's package schema's
// (provider/pulumi_cozmox/native/schema.json); nested objects are the API's own JSON.
import * as pulumi from "@pulumi/pulumi";

/** A customer to call (the API's CreateCustomerDTO). */
export interface Customer {
    number?: string;
    sipUri?: string;
    name?: string;
    email?: string;
    externalId?: string;
    extension?: string;
    numberE164CheckEnabled?: boolean;
    /** The assistant's settings and template variables for this customer. */
    assistantOverrides?: Record<string, unknown>;
}

/** When the campaign may call (ISO 8601 date-times). */
export interface SchedulePlan {
    earliestAt: string;
    latestAt?: string;
}

export interface CampaignArgs {
    name: pulumi.Input<string>;
    phoneNumberId: pulumi.Input<string>;
    assistantId?: pulumi.Input<string>;
    workflowId?: pulumi.Input<string>;
    schedulePlan?: pulumi.Input<SchedulePlan>;
    /** The customers (a secret: personal data), or give customersFile. */
    customers?: pulumi.Input<Customer[]>;
    /** A CSV or JSON file of the customers, relative to the project directory. */
    customersFile?: pulumi.Input<string>;
    /** Allow calling again the people this campaign called: true, or the campaign's id. */
    allowRedial?: pulumi.Input<boolean | string>;
    /** Allow an identical campaign, or one calling the same people that day. */
    allowDuplicate?: pulumi.Input<boolean | string>;
    allowOutsideCallingHours?: pulumi.Input<boolean>;
    /** Take over this existing campaign when the resource is first created. */
    adoptId?: pulumi.Input<string>;
    /** End the campaign: no new call is placed. */
    ended?: pulumi.Input<boolean>;
}

export class Campaign extends pulumi.CustomResource {
    public readonly name!: pulumi.Output<string>;
    public readonly status!: pulumi.Output<string>;
    public readonly customerCount!: pulumi.Output<number>;
    public readonly callsCounterEnded!: pulumi.Output<number | undefined>;

    constructor(name: string, args: CampaignArgs, opts?: pulumi.CustomResourceOptions) {
        const inputs: pulumi.Inputs = {
            ...args,
            // Secret in the state and in every output that holds them.
            customers: args.customers === undefined ? undefined : pulumi.secret(args.customers),
            status: undefined,
            customerCount: undefined,
            callsCounterEnded: undefined,
        };
        super("cozmox:index:Campaign", name, inputs, {
            ...opts,
            additionalSecretOutputs: ["customers", "customersBlob"],
        });
    }
}
