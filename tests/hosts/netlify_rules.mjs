// Which `_headers` rules Netlify's own parser (@netlify/headers-parser, the one its builds use)
// matches for each path: node netlify_rules.mjs <output dir> <path>... prints JSON
// {path: [{for, values}, ...]}. Production Netlify sends the headers of every matching rule.
import { parseAllHeaders } from '@netlify/headers-parser';
import path from 'node:path';

const [output, ...paths] = process.argv.slice(2);
const { headers, errors } = await parseAllHeaders({
  headersFiles: [path.join(output, '_headers')],
  configHeaders: [],
  minimal: false,
});
if (errors.length > 0) {
  console.error(errors.map((e) => e.message).join('\n'));
  process.exit(1);
}
const result = {};
for (const p of paths) {
  result[p] = headers.filter((rule) => rule.forRegExp.test(p)).map((rule) => ({ for: rule.for, values: rule.values }));
}
console.log(JSON.stringify(result));
