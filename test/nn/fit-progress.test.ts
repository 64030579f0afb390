import { describe, expect, it } from 'vitest';
import { Dense, Sequential } from '../../src/nn/index.js';

describe('Sequential.fit onProgress', () => {
  it('reports (epoch + 1, epochs) after every epoch, after onEpoch', () => {
    const model = new Sequential([new Dense(2, 3, { activation: 'tanh', seed: 0 }), new Dense(3, 1, { activation: 'sigmoid', seed: 1 })]);
    const events: string[] = [];
    const history = model.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], {
      epochs: 5,
      onEpoch: (h) => events.push(`epoch ${h.epoch}`),
      onProgress: (done, total) => events.push(`${done}/${total}`),
    });
    expect(history).toHaveLength(5);
    expect(events).toEqual(['epoch 0', '1/5', 'epoch 1', '2/5', 'epoch 2', '3/5', 'epoch 3', '4/5', 'epoch 4', '5/5']);
  });
});
