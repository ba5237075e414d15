// Every e2e step, in the order they run. A feature adds its steps in steps/<feature>.ts and lists them here.
import type { Step } from '../step';
import { claimsSteps } from './claims';
import { eventsSteps } from './events';
import { foundationSteps } from './foundation';
import { peopleSteps } from './people';
import { relatedSteps } from './related';

export const steps: Step[] = [...foundationSteps, ...peopleSteps, ...relatedSteps, ...eventsSteps, ...claimsSteps];
