/** Purchasing library: allocation of PO charges and landed unit cost. Pure functions; the only entry point. */
export * from "./allocate-charges";
