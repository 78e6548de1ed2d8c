import { describe, expect, it } from 'vitest';
import { certificatesDue } from './certificates-due.js';

const certification = { id: 'c', certifiedOn: '2026-05-01', teachBack: 'Session on pricing', certifiedBy: 'Staff' };
const people = [
  { personId: 'ama', completed: true, certification: null },
  { personId: 'kofi', completed: false, certification: null },
  { personId: 'efua', completed: true, certification },
  { personId: 'yaw', completed: true, certification: null },
];

describe('who "issue certificates to all who completed" counts', () => {
  it('a course: those who completed without a certificate, a revoked one counting as one', () => {
    expect(certificatesDue({ kind: 'course', participants: people }, []).map((p) => p.personId)).toEqual(['ama', 'efua', 'yaw']);
    // Yaw's certificate was revoked: the server does not issue a second one, so he is not counted.
    expect(certificatesDue({ kind: 'workshop', participants: people }, [{ personId: 'yaw' }, { personId: 'kofi' }]).map((p) => p.personId)).toEqual(['ama', 'efua']);
    expect(certificatesDue({ kind: 'course', participants: people }, [{ personId: 'ama' }, { personId: 'efua' }, { personId: 'yaw' }])).toEqual([]);
  });

  it('a training of trainers: the trainers it certified, not everyone who completed', () => {
    expect(certificatesDue({ kind: 'tot', participants: people }, []).map((p) => p.personId)).toEqual(['efua']);
    expect(certificatesDue({ kind: 'tot', participants: people }, [{ personId: 'efua' }])).toEqual([]);
  });
});
