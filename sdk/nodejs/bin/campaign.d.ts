import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
/**
 * An outbound call campaign: the assistant calls each customer once, within its schedule.
 */
export declare class Campaign extends pulumi.CustomResource {
    /**
     * Get an existing Campaign resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Campaign;
    /**
     * Check whether an existing Campaign resource with the given ID exists.
     *
     * @param id The _unique_ provider ID of the resource to check.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    static exists(id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): pulumi.Output<boolean>;
    /**
     * Returns true if the given object is an instance of Campaign.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    static isInstance(obj: any): obj is Campaign;
    /**
     * Takes over this existing campaign when the resource is created (a GET, and a PATCH of what differs), instead of creating one.
     */
    readonly adoptId: pulumi.Output<string | undefined>;
    /**
     * Allows creating a campaign identical to an existing one (same customers, schedule, phone number, assistant or workflow): that campaign's id; true allows any. They are called twice.
     */
    readonly allowDuplicate: pulumi.Output<boolean | string | undefined>;
    /**
     * Allows a window that calls people outside calling hours (08:00-21:00 their local time, or the calling policy's rule for their region).
     */
    readonly allowOutsideCallingHours: pulumi.Output<boolean | undefined>;
    /**
     * Allows the one change that re-creates this campaign after it has dialed (its customers are called again): the campaign's id, as a refusal names it; true allows every such change.
     */
    readonly allowRedial: pulumi.Output<boolean | string | undefined>;
    /**
     * The assistant that makes the calls (or workflowId, not both).
     */
    readonly assistantId: pulumi.Output<string | undefined>;
    /**
     * The calls placed so far, by call id.
     */
    readonly calls: pulumi.Output<{
        [key: string]: any;
    } | undefined>;
    /**
     * Calls that ended.
     */
    readonly callsCounterEnded: pulumi.Output<number | undefined>;
    /**
     * Calls that ended in a voicemail.
     */
    readonly callsCounterEndedVoicemail: pulumi.Output<number | undefined>;
    /**
     * Calls in progress.
     */
    readonly callsCounterInProgress: pulumi.Output<number | undefined>;
    /**
     * Calls queued.
     */
    readonly callsCounterQueued: pulumi.Output<number | undefined>;
    /**
     * Calls scheduled.
     */
    readonly callsCounterScheduled: pulumi.Output<number | undefined>;
    /**
     * When the campaign was created.
     */
    readonly createdAt: pulumi.Output<string | undefined>;
    /**
     * How many customers the campaign calls (known at preview).
     */
    readonly customerCount: pulumi.Output<number>;
    /**
     * The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`, `email`, `assistantOverrides`, ...). A secret: personal data. Or give `customersFile`.
     *
     * Each customer (the API's `CreateCustomerDTO`):
     * - `numberE164CheckEnabled`: This is the flag to toggle the E164 check for the `number` field.
     * - `extension`: This is the extension that will be dialed after the call is answered.
     * - `assistantOverrides`: These are the overrides for the assistant's settings and template variables specific to this customer.
     * - `number`: This is the number of the customer.
     * - `sipUri`: This is the SIP URI of the customer.
     * - `name`: This is the name of the customer.
     * - `email`: This is the email of the customer.
     * - `externalId`: This is the external ID of the customer.
     */
    readonly customers: pulumi.Output<any[] | undefined>;
    /**
     * The customers as sent (compressed canonical JSON): what the provider compares a new customer list with.
     */
    readonly customersBlob: pulumi.Output<string | undefined>;
    /**
     * A file of the customers instead of customers: a CSV (one customer a row) or a JSON list, plain or encrypted with SOPS, relative to the project. Its contents count: a changed list is a new campaign.
     */
    readonly customersFile: pulumi.Output<string | undefined>;
    /**
     * The SHA-256 of the customers file the blob was read from: an unchanged file is not read again.
     */
    readonly customersFileDigest: pulumi.Output<string | undefined>;
    /**
     * Deletes the campaign's record in the API when the resource is removed (from the program, by `pulumi destroy` or by a replacement), even after it has dialed. By default a campaign that has dialed is ended if it still dials and kept in the API (its calls stay in the org's history, which the call limit counts), only forgotten by Pulumi; one that never dialed is deleted. Takes effect once an `up` has recorded it.
     */
    readonly deleteRecordOnRemove: pulumi.Output<boolean | undefined>;
    /**
     * Stops the campaign (one PATCH): calls not yet placed never are, calls in progress finish. Refused on a campaign that does not exist yet.
     */
    readonly ended: pulumi.Output<boolean | undefined>;
    /**
     * Why the campaign ended.
     */
    readonly endedReason: pulumi.Output<string | undefined>;
    /**
     * The campaign's name.
     */
    readonly name: pulumi.Output<string>;
    /**
     * The org the campaign belongs to.
     */
    readonly orgId: pulumi.Output<string | undefined>;
    /**
     * The phone number the calls are placed from.
     */
    readonly phoneNumberId: pulumi.Output<string>;
    /**
     * When the campaign may call: `earliestAt` (dialing starts then, or at once when it is past or absent) and `latestAt` (no call after it), ISO 8601 instants.
     */
    readonly schedulePlan: pulumi.Output<outputs.SchedulePlan | undefined>;
    /**
     * scheduled, in-progress or ended.
     */
    readonly status: pulumi.Output<string>;
    /**
     * When it was last changed.
     */
    readonly updatedAt: pulumi.Output<string | undefined>;
    /**
     * The workflow that makes the calls (or assistantId, not both).
     */
    readonly workflowId: pulumi.Output<string | undefined>;
    /**
     * Create a Campaign resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: CampaignArgs, opts?: pulumi.CustomResourceOptions);
}
/**
 * The set of arguments for constructing a Campaign resource.
 */
export interface CampaignArgs {
    /**
     * Takes over this existing campaign when the resource is created (a GET, and a PATCH of what differs), instead of creating one.
     */
    adoptId?: pulumi.Input<string | undefined>;
    /**
     * Allows creating a campaign identical to an existing one (same customers, schedule, phone number, assistant or workflow): that campaign's id; true allows any. They are called twice.
     */
    allowDuplicate?: pulumi.Input<boolean | string | undefined>;
    /**
     * Allows a window that calls people outside calling hours (08:00-21:00 their local time, or the calling policy's rule for their region).
     */
    allowOutsideCallingHours?: pulumi.Input<boolean | undefined>;
    /**
     * Allows the one change that re-creates this campaign after it has dialed (its customers are called again): the campaign's id, as a refusal names it; true allows every such change.
     */
    allowRedial?: pulumi.Input<boolean | string | undefined>;
    /**
     * The assistant that makes the calls (or workflowId, not both).
     */
    assistantId?: pulumi.Input<string | undefined>;
    /**
     * The people to call (the API's `CreateCustomerDTO` each: `number` or `sipUri`, `name`, `email`, `assistantOverrides`, ...). A secret: personal data. Or give `customersFile`.
     *
     * Each customer (the API's `CreateCustomerDTO`):
     * - `numberE164CheckEnabled`: This is the flag to toggle the E164 check for the `number` field.
     * - `extension`: This is the extension that will be dialed after the call is answered.
     * - `assistantOverrides`: These are the overrides for the assistant's settings and template variables specific to this customer.
     * - `number`: This is the number of the customer.
     * - `sipUri`: This is the SIP URI of the customer.
     * - `name`: This is the name of the customer.
     * - `email`: This is the email of the customer.
     * - `externalId`: This is the external ID of the customer.
     */
    customers?: pulumi.Input<any[] | undefined>;
    /**
     * A file of the customers instead of customers: a CSV (one customer a row) or a JSON list, plain or encrypted with SOPS, relative to the project. Its contents count: a changed list is a new campaign.
     */
    customersFile?: pulumi.Input<string | undefined>;
    /**
     * Deletes the campaign's record in the API when the resource is removed (from the program, by `pulumi destroy` or by a replacement), even after it has dialed. By default a campaign that has dialed is ended if it still dials and kept in the API (its calls stay in the org's history, which the call limit counts), only forgotten by Pulumi; one that never dialed is deleted. Takes effect once an `up` has recorded it.
     */
    deleteRecordOnRemove?: pulumi.Input<boolean | undefined>;
    /**
     * Stops the campaign (one PATCH): calls not yet placed never are, calls in progress finish. Refused on a campaign that does not exist yet.
     */
    ended?: pulumi.Input<boolean | undefined>;
    /**
     * The campaign's name.
     */
    name: pulumi.Input<string>;
    /**
     * The phone number the calls are placed from.
     */
    phoneNumberId: pulumi.Input<string>;
    /**
     * When the campaign may call: `earliestAt` (dialing starts then, or at once when it is past or absent) and `latestAt` (no call after it), ISO 8601 instants.
     */
    schedulePlan?: pulumi.Input<inputs.SchedulePlanArgs | undefined>;
    /**
     * The workflow that makes the calls (or assistantId, not both).
     */
    workflowId?: pulumi.Input<string | undefined>;
}
//# sourceMappingURL=campaign.d.ts.map