import pkg from "../../package.json";

/** The app version reported by /healthz and the UI footer. */
export const APP_VERSION: string = pkg.version;
