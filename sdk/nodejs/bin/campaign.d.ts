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
     * Take over this existing campaign when the resource is first created (GET, and a PATCH only of what differs) instead of creating one.
     */
    readonly adoptId: pulumi.Output<string | undefined>;
    /**
     * Allow creating this campaign although the org holds an identical one or one that calls the same people on the same day: true, or the id of the one campaign it allows.
     */
    readonly allowDuplicate: pulumi.Output<boolean | string | undefined>;
    /**
     * Allow a schedule that calls people outside the calling policy's hours in their time zone (08:00-21:00 by default).
     */
    readonly allowOutsideCallingHours: pulumi.Output<boolean | undefined>;
    /**
     * Allow a change that calls again the people this campaign has called (a replacement after it started dialing): true, or the id of the one campaign it allows (the id a refusal names).
     */
    readonly allowRedial: pulumi.Output<boolean | string | undefined>;
    /**
     * This is the assistant ID that will be used for the campaign calls. Note: Either assistantId or workflowId can be used, but not both.
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
     * How many customers it calls.
     */
    readonly customerCount: pulumi.Output<number>;
    /**
     * These are the customers that will be called in the campaign. A secret: personal data. Or give `customersFile`.
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
     * A file of the customers, instead of `customers`: a CSV file (one customer a row; the columns are the Customer fields, `assistantOverrides` a JSON cell) or a JSON list, relative to the project directory. Its contents are what counts: a changed file is a new customer list (a new campaign).
     */
    readonly customersFile: pulumi.Output<string | undefined>;
    /**
     * The SHA-256 of the customers file the blob was read from: an unchanged file is not read again.
     */
    readonly customersFileDigest: pulumi.Output<string | undefined>;
    /**
     * End the campaign (no new call is placed; calls in progress finish). Cannot be set on a campaign that does not exist yet.
     */
    readonly ended: pulumi.Output<boolean | undefined>;
    /**
     * Why the campaign ended.
     */
    readonly endedReason: pulumi.Output<string | undefined>;
    /**
     * This is the name of the campaign. This is just for your own reference.
     */
    readonly name: pulumi.Output<string>;
    /**
     * The org the campaign belongs to.
     */
    readonly orgId: pulumi.Output<string | undefined>;
    /**
     * This is the phone number ID that will be used for the campaign calls.
     */
    readonly phoneNumberId: pulumi.Output<string>;
    /**
     * This is the schedule plan for the campaign.
     */
    readonly schedulePlan: pulumi.Output<outputs.SchedulePlan | undefined>;
    /**
     * scheduled, in-progress or ended.
     */
    readonly status: pulumi.Output<string>;
    /**
     * When the campaign was last changed.
     */
    readonly updatedAt: pulumi.Output<string | undefined>;
    /**
     * This is the workflow ID that will be used for the campaign calls. Note: Either assistantId or workflowId can be used, but not both.
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
     * Take over this existing campaign when the resource is first created (GET, and a PATCH only of what differs) instead of creating one.
     */
    adoptId?: pulumi.Input<string | undefined>;
    /**
     * Allow creating this campaign although the org holds an identical one or one that calls the same people on the same day: true, or the id of the one campaign it allows.
     */
    allowDuplicate?: pulumi.Input<boolean | string | undefined>;
    /**
     * Allow a schedule that calls people outside the calling policy's hours in their time zone (08:00-21:00 by default).
     */
    allowOutsideCallingHours?: pulumi.Input<boolean | undefined>;
    /**
     * Allow a change that calls again the people this campaign has called (a replacement after it started dialing): true, or the id of the one campaign it allows (the id a refusal names).
     */
    allowRedial?: pulumi.Input<boolean | string | undefined>;
    /**
     * This is the assistant ID that will be used for the campaign calls. Note: Either assistantId or workflowId can be used, but not both.
     */
    assistantId?: pulumi.Input<string | undefined>;
    /**
     * These are the customers that will be called in the campaign. A secret: personal data. Or give `customersFile`.
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
     * A file of the customers, instead of `customers`: a CSV file (one customer a row; the columns are the Customer fields, `assistantOverrides` a JSON cell) or a JSON list, relative to the project directory. Its contents are what counts: a changed file is a new customer list (a new campaign).
     */
    customersFile?: pulumi.Input<string | undefined>;
    /**
     * End the campaign (no new call is placed; calls in progress finish). Cannot be set on a campaign that does not exist yet.
     */
    ended?: pulumi.Input<boolean | undefined>;
    /**
     * This is the name of the campaign. This is just for your own reference.
     */
    name: pulumi.Input<string>;
    /**
     * This is the phone number ID that will be used for the campaign calls.
     */
    phoneNumberId: pulumi.Input<string>;
    /**
     * This is the schedule plan for the campaign.
     */
    schedulePlan?: pulumi.Input<inputs.SchedulePlanArgs | undefined>;
    /**
     * This is the workflow ID that will be used for the campaign calls. Note: Either assistantId or workflowId can be used, but not both.
     */
    workflowId?: pulumi.Input<string | undefined>;
}
//# sourceMappingURL=campaign.d.ts.map