// Every GraphQL document the official SDKs can send validates against the fake's schema
// (`schema/authing.graphql`): the JavaScript SDK's (the documents its package exports) and
// the Python SDK's (the QUERY table of its installed `authing/v2/common/codegen.py`).
// Usage: node validate_documents.js <schema.graphql> <path of the Python SDK's codegen.py>
'use strict';

const fs = require('fs');
const { buildSchema, parse, validate } = require('graphql');

const schema = buildSchema(fs.readFileSync(process.argv[2], 'utf8'));

/** Checks `documents` ([name, text] pairs); answers how many failed, printing each. */
function check(sdk, documents) {
  let failed = 0;
  for (const [name, text] of documents) {
    let errors;
    try {
      errors = validate(schema, parse(text)).map((e) => e.message);
    } catch (e) {
      errors = [`does not parse: ${e.message}`];
    }
    if (errors.length > 0) {
      failed += 1;
      console.error(`${sdk} ${name}: ${errors.join(' | ')}`);
    }
  }
  console.log(`${sdk}: ${documents.length} documents, ${failed} invalid against the fake's schema`);
  if (documents.length < 100) {
    console.error(`${sdk}: expected over 100 documents, found ${documents.length}: the SDK's layout changed?`);
    failed += 1;
  }
  return failed;
}

const js = Object.entries(require('authing-js-sdk/build/main/types/graphql.v2.js')).filter(
  ([, value]) => typeof value === 'string' && /^\s*(query|mutation|fragment)\b/.test(value),
);
const codegen = fs.readFileSync(process.argv[3], 'utf8');
const python = [...codegen.matchAll(/'([A-Za-z0-9_]+)':\s*"""([\s\S]*?)"""/g)].map((m) => [m[1], m[2]]);

const failed = check('JavaScript SDK', js) + check('Python SDK', python);
process.exit(failed === 0 ? 0 : 1);
