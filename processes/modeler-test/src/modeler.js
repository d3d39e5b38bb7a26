// The Camunda 7 modeler as Camunda Modeler 5.x composes it (camunda-bpmn-js's camunda-platform/Modeler):
// bpmn-js, the properties panel with the Camunda Platform provider, camunda-bpmn-js-behaviors and the
// Camunda 7 element templates. Only the editor's chrome (palette extras, color picker, minimap) is left out.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
  CamundaPlatformTooltipProvider
} from 'bpmn-js-properties-panel';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';

/**
 * @param {{ canvas: string, properties: string, templates: object[] }} options
 * @returns {BpmnModeler}
 */
export function createModeler({ canvas, properties, templates }) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties, tooltip: CamundaPlatformTooltipProvider },
    additionalModules: [
      CamundaBehaviorsModule,
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      ElementTemplatesPropertiesProviderModule
    ],
    moddleExtensions: { camunda: camundaModdle },
    elementTemplates: templates
  });
}
