#!/usr/bin/env bash
# Makes both engines' Initial migrations again from the current model (the schema has not been
# deployed, so there is nothing to upgrade): deletes each set, runs `dotnet ef migrations add Initial`
# and puts the call of its hand SQL (SqliteSchemaExtras / PostgresSchemaExtras) back as the last line
# of Up. Needs no database server. Run it after merging a model change, then build and test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NUGET_CERT_REVOCATION_MODE=offline

dotnet tool restore >/dev/null
for engine in Sqlite Postgres; do
  project=src/Migrations/Portal.Migrations.$engine
  rm -f "$project"/Migrations/*.cs
  dotnet build "$project" -c Debug -v quiet -nologo
  dotnet ef migrations add Initial --project "$project" --output-dir Migrations --no-build
  initial=$(ls "$project"/Migrations/*_Initial.cs)
  # The first "}" line of Up's body closes it: insert the call just before it.
  awk -v engine="$engine" '
    /protected override void Up\(/ { in_up = 1 }
    in_up && /^        }$/ {
      print ""
      print "            // Hand SQL the model cannot describe (the audit trail'"'"'s append-only rules); keep this line when regenerating."
      print "            " engine "SchemaExtras.Apply(migrationBuilder);"
      in_up = 0
    }
    { print }
  ' "$initial" >"$initial.tmp"
  mv "$initial.tmp" "$initial"
  grep -q "${engine}SchemaExtras.Apply(migrationBuilder);" "$initial" || { echo "error: could not add the SchemaExtras call to $initial" >&2; exit 1; }
  echo "regenerated $initial"
done
