// Validates a Teams app manifest, and the localization files it names, against the official JSON schemas of
// the manifest's version shipped in @microsoft/app-manifest. Usage: node validate.mjs path/to/manifest.json
// Prints "valid" and exits 0, or prints each error and exits 1.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const here = dirname(fileURLToPath(import.meta.url));
const manifestPath = process.argv[2];
const read = (path) => JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
const manifest = read(manifestPath);
const schemas = join(here, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", `v${manifest.manifestVersion}`);
if (!existsSync(schemas)) {
  console.error(`no official schema for manifestVersion ${manifest.manifestVersion} in ${schemas}`);
  process.exit(1);
}

// The schemas use \b inside patterns, which a unicode RegExp refuses.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

const failures = [];
const check = (schemaFile, document, name) => {
  const validate = ajv.compile(read(join(schemas, schemaFile)));
  if (!validate(document))
    for (const error of validate.errors) failures.push(`${name}${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
};

check("MicrosoftTeams.schema.json", manifest, "manifest.json");
for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
  const path = join(dirname(manifestPath), language.file);
  if (!existsSync(path)) failures.push(`${language.file}: missing`);
  else check("MicrosoftTeams.Localization.schema.json", read(path), language.file);
}

if (failures.length > 0) {
  for (const failure of failures) console.error(failure);
  process.exit(1);
}
console.log("valid");
