import { FormInput } from '../../contracts/surveys.js';
import { EvaluationSettingsInput, type EvaluationKind } from '../../contracts/training.js';
import { createForm, publishForm } from '../modules/surveys/form-service.js';
import { getCourse } from '../modules/training/course-service.js';
import { setEvaluation, submitEvaluation } from '../modules/training/evaluation-service.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

const en = (text: string) => ({ en: text });
const choices = (...labels: string[]) => labels.map((label, i) => ({ value: String.fromCharCode(97 + i), label: en(label) }));

/** The same four questions before and after the weavers' course, scored 25 points each (the form's `score`). */
const costingTest = (title: string) => ({
  title: en(title), languages: ['en'],
  questions: [
    { name: 'yarn', type: 'select_one', required: true, label: en('A cloth takes 12 bundles of yarn at GHS 45 each. What does its yarn cost?'), choices: choices('GHS 450', 'GHS 540', 'GHS 57') },
    { name: 'days', type: 'select_one', required: true, label: en('Should the days you weave yourself count in the cost of a cloth?'), choices: choices('No, they are free', 'Yes, at the going rate for a weaver') },
    { name: 'floor', type: 'select_one', required: true, label: en('What is the floor price of a cloth?'), choices: choices('What the neighbour asks', 'Its yarn, days and workshop costs', 'What the buyer offers') },
    { name: 'cashbook', type: 'select_one', required: true, label: en('What goes in the cash book?'), choices: choices('Only the sales', 'Every sale and every purchase', 'Only what is paid in cash') },
    { name: 'score', type: 'calculate', label: en('Score'), calculation: "if(${yarn} = 'b', 25, 0) + if(${days} = 'b', 25, 0) + if(${floor} = 'b', 25, 0) + if(${cashbook} = 'b', 25, 0)" },
  ],
});

const satisfaction = {
  title: en('The costing course: how was it?'), languages: ['en'],
  questions: [
    { name: 'useful', type: 'scale', required: true, label: en('How useful is what you learnt for your workshop?'), scale: { min: 1, max: 5 } },
    { name: 'trainer', type: 'scale', label: en('How well did the trainer explain?'), scale: { min: 1, max: 5 } },
    { name: 'comment', type: 'text', label: en('What would you change?') },
  ],
};

/** Each participant's answers, in the course's order of participants: before (most guessed) and after (most right). */
const BEFORE = [['b', 'a', 'a', 'a'], ['a', 'a', 'a', 'b'], ['c', 'a', 'c', 'a'], ['b', 'b', 'a', 'c'], ['a', 'a', 'b', 'a'], ['b', 'a', 'a', 'b'], ['c', 'b', 'a', 'a']];
const AFTER = [['b', 'b', 'b', 'b'], ['b', 'b', 'b', 'b'], ['b', 'b', 'a', 'b'], ['b', 'b', 'b', 'b'], ['a', 'b', 'b', 'b'], ['b', 'b', 'b', 'a']];
const RATINGS: Array<[number, number | undefined, string]> = [[5, 5, 'More evenings on prices for hotels.'], [4, 5, ''], [5, 4, 'Bring the worksheet in Twi only.'], [4, undefined, ''], [3, 4, 'The cash book was too fast.']];

/**
 * The weavers' course evaluated: a pre-test and a post-test on costing and a
 * satisfaction form, entered by staff from the paper sheets after the last
 * evening — the knowledge gain the course page shows comes from these.
 */
export async function seedWeaversEvaluation(cast: DemoCast, courseId: string) {
  return chapter(cast, [119.14, 119.05], async () => {
    const ctx = staffCtx(cast);
    const published = async (definition: object) => {
      const form = await createForm(ctx, FormInput.parse({ purpose: 'evaluation', definition }));
      await publishForm(ctx, form.id);
      return form.id;
    };
    const preFormId = await published(costingTest('Costing for weavers: before the course'));
    const postFormId = await published(costingTest('Costing for weavers: after the course'));
    const satisfactionFormId = await published(satisfaction);
    await setEvaluation(ctx, courseId, EvaluationSettingsInput.parse({ preFormId, postFormId, satisfactionFormId, minPostScore: 50 }));
    const { participants } = await getCourse(ctx, courseId, cast.today);
    const answer = (kind: EvaluationKind, personId: string, answers: Record<string, unknown>) => submitEvaluation(ctx, courseId, kind, personId, { answers, submissionKey: null });
    const asTest = ([yarn, days, floor, cashbook]: string[]) => ({ yarn, days, floor, cashbook });
    for (const [i, p] of participants.entries()) {
      const before = BEFORE[i];
      const after = AFTER[i];
      const rating = RATINGS[i];
      if (before) await answer('pre', p.personId, asTest(before));
      // One participant missed the last evening and its test.
      if (after) await answer('post', p.personId, asTest(after));
      if (rating) await answer('satisfaction', p.personId, { useful: rating[0], ...(rating[1] ? { trainer: rating[1] } : {}), ...(rating[2] ? { comment: rating[2] } : {}) });
    }
  });
}
