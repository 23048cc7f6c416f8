import { describe, expect, it } from "vitest";
import { bodyLimitFor, MAX_UPLOAD_BYTES } from "./body-limit";

describe("bodyLimitFor", () => {
  it("gives webhooks 5 MB, sign-in 64 KB, the CSV upload 20 MB and every other form 1 MB", () => {
    expect(bodyLimitFor("/webhooks/orders", "application/json").bytes).toBe(5 * 1024 * 1024);
    expect(bodyLimitFor("/auth/login", "application/x-www-form-urlencoded").bytes).toBe(64 * 1024);
    expect(bodyLimitFor("/auth", undefined).bytes).toBe(64 * 1024);
    expect(bodyLimitFor("/app/settings/import", "multipart/form-data; boundary=x").bytes).toBe(MAX_UPLOAD_BYTES + 64 * 1024);
    expect(bodyLimitFor("/app/settings/import", "application/x-www-form-urlencoded").bytes).toBe(1024 * 1024);
    // Only the import section takes a file.
    expect(bodyLimitFor("/app/settings", "multipart/form-data; boundary=x").bytes).toBe(1024 * 1024);
    expect(bodyLimitFor("/app/purchase-orders/1", "multipart/form-data; boundary=x").bytes).toBe(1024 * 1024);
    expect(bodyLimitFor("/authorize-evil", undefined).bytes).toBe(1024 * 1024);
  });
});
