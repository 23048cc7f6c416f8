#!/usr/bin/env bash
# Writes one migration per provider for the change between the committed prisma/schema.prisma (git HEAD,
# or $FROM_SCHEMA) and the working copy: `npm run db:migration -- add_vendor_website`.
# (`migrate dev` does not work with the offline JS engine; `migrate diff` does.)
set -euo pipefail
name="${1:?usage: npm run db:migration -- <snake_case_name>}"
stamp="$(date -u +%Y%m%d%H%M%S)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
if [[ -n "${FROM_SCHEMA:-}" ]]; then cp "$FROM_SCHEMA" "$tmp/old.prisma"; else git show HEAD:prisma/schema.prisma > "$tmp/old.prisma"; fi
sed 's/provider = "sqlite"/provider = "postgresql"/' "$tmp/old.prisma" > "$tmp/old-pg.prisma"
npx tsx scripts/db/sync-schemas.ts >/dev/null
pg_url="${TEST_DATABASE_URL_PG:-postgresql://postgres@127.0.0.1:5432/test}"
for target in "prisma/migrations|file:./prisma/migration-diff.db|$tmp/old.prisma|prisma/schema.prisma" \
              "prisma/postgres/migrations|$pg_url|$tmp/old-pg.prisma|prisma/postgres/schema.prisma"; do
  IFS='|' read -r dir url from to <<<"$target"
  mkdir -p "$dir/${stamp}_$name"
  DATABASE_URL="$url" npx prisma migrate diff --from-schema-datamodel "$from" --to-schema-datamodel "$to" --script \
    > "$dir/${stamp}_$name/migration.sql" 2> >(grep -v -e "Loaded Prisma config" -e "npm warn" >&2)
  echo "wrote $dir/${stamp}_$name/migration.sql"
done
