import * as pulumi from "@pulumi/pulumi";
/**
 * The API's `SchedulePlan`.
 *
 * Used in `CreateCampaignDTO.schedulePlan`: This is the schedule plan for the campaign.
 */
export interface SchedulePlanArgs {
    /**
     * This is the ISO 8601 date-time string of the earliest time the call can be scheduled.
     */
    earliestAt: pulumi.Input<string>;
    /**
     * This is the ISO 8601 date-time string of the latest time the call can be scheduled.
     */
    latestAt?: pulumi.Input<string | undefined>;
}
//# sourceMappingURL=input.d.ts.map