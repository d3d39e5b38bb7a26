// The official checks Camunda Modeler 5.x runs, from the build: element templates against
// @camunda/element-templates-json-schema (through @bpmn-io/element-templates-validator, the validator
// Modeler's template loader uses), and diagrams through bpmnlint with bpmnlint's recommended rules and
// bpmnlint-plugin-camunda-compat's rules for Camunda 7.24.
//
//   node lint.mjs --templates <file.json>... --diagrams <file.bpmn>...
//
// Prints one JSON object: { schema, templates: [{ file, errors }], diagrams: [{ file, reports }] }.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

import { validateAll, getSchemaPackage, getSchemaVersion } from '@bpmn-io/element-templates-validator';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

export const LINT_CONFIG = {
  extends: [ 'bpmnlint:recommended', 'plugin:camunda-compat/camunda-platform-7-24' ]
};

const files = { templates: [], diagrams: [] };
let kind = null;
for (const arg of process.argv.slice(2)) {
  if (arg === '--templates' || arg === '--diagrams') {
    kind = arg.slice(2);
  } else if (kind) {
    files[kind].push(path.resolve(arg));
  } else {
    throw new Error('unexpected argument ' + arg);
  }
}

const templates = files.templates.map(file => {
  const { results } = validateAll(JSON.parse(fs.readFileSync(file, 'utf8')));
  return {
    file,
    errors: results.flatMap(({ object, errors }) => (errors || []).map(error => ({
      template: object?.id + '@' + object?.version, path: error.instancePath, message: error.message
    })))
  };
});

// Rules and plugins resolve from this directory's node_modules.
const resolver = new NodeResolver({ requireModule: name => require(name) });
const moddle = new BpmnModdle({ camunda: camundaModdle });

const diagrams = [];
for (const file of files.diagrams) {
  const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  // A linter per diagram: bpmnlint's rules keep what they saw (no-duplicate-sequence-flows keys flows by id).
  const results = await new Linter({ config: LINT_CONFIG, resolver }).lint(rootElement);
  const reports = [];
  for (const [ rule, ruleReports ] of Object.entries(results)) {
    for (const report of ruleReports) {
      reports.push({ rule, id: report.id, message: report.message, category: report.category });
    }
  }
  for (const warning of warnings) {
    reports.push({ rule: 'import', id: warning.element?.id, message: warning.message, category: 'error' });
  }
  diagrams.push({ file, reports });
}

console.log(JSON.stringify({ schema: getSchemaPackage() + '@' + getSchemaVersion(), templates, diagrams }, null, 2));
