/**
 * The API's `SchedulePlan`.
 *
 * Used in `CreateCampaignDTO.schedulePlan`: This is the schedule plan for the campaign.
 */
export interface SchedulePlan {
    /**
     * This is the ISO 8601 date-time string of the earliest time the call can be scheduled.
     */
    earliestAt: string;
    /**
     * This is the ISO 8601 date-time string of the latest time the call can be scheduled.
     */
    latestAt?: string;
}
//# sourceMappingURL=output.d.ts.map