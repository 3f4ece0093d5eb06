/// <reference types="@cloudflare/vitest-plugin/types" />
import type { D1Migration } from "cloudflare:test";
import type * as entry from "../../workers/entry-worker.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      WUTONG_OPERATOR_KEY: string;
      WUTONG_SECRETS_KEY: string;
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof entry;
    }
  }
}
