/** The shop's settings: one definition per settings concept (fields, validation, stored form, planning reads). */
export * from "./planning-settings";
