import type { FormDefinition } from '../../contracts/surveys/form-model.js';

const yesNo = [{ value: 'yes', label: { en: 'Yes', fr: 'Oui' } }, { value: 'no', label: { en: 'No', fr: 'Non' } }];

/** The demo chamber's consultation on port clearance, with skip logic, a constraint, a matrix and free text. */
export function portClearanceForm(): FormDefinition {
  return {
    title: { en: 'Port clearance delays', fr: 'Délais de dédouanement' },
    languages: ['en', 'fr'],
    questions: [
      { name: 'imports', type: 'select_one', label: { en: 'Does your firm import through Tema port?', fr: 'Importez-vous par Tema ?' }, required: true, choices: yesNo },
      {
        name: 'port', type: 'group', label: { en: 'At the port', fr: 'Au port' }, relevant: "${imports} = 'yes'",
        children: [
          { name: 'days', type: 'integer', label: { en: 'Days to clear a container', fr: 'Jours de dédouanement' }, required: true, constraint: '. >= 0 and . < 365', constraintMessage: { en: 'Between 0 and 364 days', fr: 'Entre 0 et 364 jours' } },
          { name: 'problems', type: 'select_multiple', label: { en: 'Main problems', fr: 'Principaux problèmes' }, choices: [
            { value: 'inspection', label: { en: 'Inspections', fr: 'Inspections' } }, { value: 'fees', label: { en: 'Informal fees', fr: 'Frais informels' } }, { value: 'systems', label: { en: 'IT systems down', fr: 'Pannes informatiques' } },
          ] },
        ],
      },
      { name: 'satisfaction', type: 'scale', label: { en: 'Satisfaction with customs', fr: 'Satisfaction' }, scale: { min: 1, max: 5 } },
      { name: 'rating', type: 'matrix', label: { en: 'Rate the services', fr: 'Notez les services' }, rows: [{ value: 'speed', label: { en: 'Speed', fr: 'Rapidité' } }, { value: 'cost', label: { en: 'Cost', fr: 'Coût' } }], choices: [{ value: 'good', label: { en: 'Good', fr: 'Bon' } }, { value: 'poor', label: { en: 'Poor', fr: 'Mauvais' } }] },
      { name: 'comment', type: 'text', label: { en: 'What should change?', fr: 'Que faudrait-il changer ?' } },
    ],
  };
}

