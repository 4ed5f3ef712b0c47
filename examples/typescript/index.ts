// Two campaigns: customers inline (a secret), and customers in a CSV file beside the program.
import * as pulumi from "@pulumi/pulumi";
import { Campaign } from "@cozmox/pulumi";

const config = new pulumi.Config();

const checkup = new Campaign("spring-checkup", {
    name: "Spring check-up reminders",
    phoneNumberId: config.get("phoneNumberId") ?? "pn-ts-0001",
    assistantId: "asst-reminders-0001",
    schedulePlan: {
        earliestAt: config.get("earliestAt") ?? "2030-03-04T17:00:00Z",
        latestAt: "2030-03-04T20:00:00Z",
    },
    customers: [
        { number: "+14155550101", name: "Ada Lovelace" },
        { number: "+14155550102", name: "Grace Hopper" },
    ],
});

const renewals = new Campaign("renewals", {
    name: "Renewal reminders",
    phoneNumberId: config.get("phoneNumberId") ?? "pn-ts-0001",
    assistantId: "asst-renewals-0001",
    schedulePlan: { earliestAt: "2030-06-03T17:00:00Z" },
    customersFile: "customers.csv",
});

export const springCheckupId = checkup.id;
export const springCheckupCustomers = checkup.customerCount;
export const renewalsId = renewals.id;
export const renewalsCustomers = renewals.customerCount;
