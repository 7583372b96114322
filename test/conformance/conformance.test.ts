import { targets } from '../harness/targets.js';
import { describeConformance } from './suite.js';

for (const target of targets) describeConformance(target);
