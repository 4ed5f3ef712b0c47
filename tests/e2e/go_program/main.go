// A tiny Go program: one campaign through the generated Go SDK (tests/e2e/test_go_sdk.py).
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/cozmox/pulumi-cozmox/sdk/go/cozmox"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		campaign, err := cozmox.NewCampaign(ctx, "go-checkup", &cozmox.CampaignArgs{
			Name:          pulumi.String("Go check-up reminders"),
			PhoneNumberId: pulumi.String("pn-go-0001"),
			AssistantId:   pulumi.String("asst-go-0001"),
			SchedulePlan: &cozmox.SchedulePlanArgs{
				EarliestAt: pulumi.String("2030-03-04T17:00:00Z"),
				LatestAt:   pulumi.String("2030-03-04T20:00:00Z"),
			},
			Customers: pulumi.Array{
				pulumi.Map{"number": pulumi.String("+14155550131"), "name": pulumi.String("Ada")},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("campaignId", campaign.ID())
		ctx.Export("customerCount", campaign.CustomerCount)
		return nil
	})
}
