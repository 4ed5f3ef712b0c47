export { CampaignArgs } from "./campaign";
export type Campaign = import("./campaign").Campaign;
export declare const Campaign: typeof import("./campaign").Campaign;
export { ProviderArgs } from "./provider";
export type Provider = import("./provider").Provider;
export declare const Provider: typeof import("./provider").Provider;
import * as config from "./config";
import * as types from "./types";
export { config, types, };
//# sourceMappingURL=index.d.ts.map