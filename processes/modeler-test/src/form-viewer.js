// The form-js viewer of Camunda 7.24's Tasklist (@bpmn-io/form-js-viewer 1.8.x), to render shipped forms.
import { Form, formFields, schemaVersion } from '@bpmn-io/form-js-viewer';

import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

/**
 * Renders the schema into the container as Tasklist does.
 * @returns {Promise<{ form: Form, warnings: object[] }>}
 */
export async function renderForm(container, schema, data = {}) {
  const form = new Form({ container });
  const { warnings } = await form.importSchema(schema, data);
  return { form, warnings };
}

/** The field types this viewer renders, and the schema version it writes. */
export const fieldTypes = formFields.map(field => field.config.type);
export { schemaVersion };
