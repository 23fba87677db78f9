import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { createOrderIndex } from './order-index.js';

interface Item {
  seq: number;
  key: number;
}

const byKeyThenSeq = (a: Item, b: Item) => a.key - b.key || a.seq - b.seq;
const seqs = (items: readonly Item[]) => items.map((item) => item.seq);

describe('createOrderIndex', () => {
  it('sorts by key, ties in creation order, from any starting order', () => {
    const items = [
      { seq: 0, key: 5 },
      { seq: 1, key: 1 },
      { seq: 2, key: 5 },
      { seq: 3, key: 1 },
    ];
    const index = createOrderIndex((item: Item) => item.key, [...items].reverse());
    expect(seqs(index.rows)).toEqual([1, 3, 0, 2]);
    index.insert({ seq: 4, key: 1 });
    index.insert({ seq: 5, key: 9 });
    index.insert({ seq: 6, key: 0 });
    expect(seqs(index.rows)).toEqual([6, 1, 3, 4, 0, 2, 5]);
  });

  it('removes exactly the row asked for, among rows with the same key', () => {
    const items = Array.from({ length: 6 }, (_, seq) => ({ seq, key: 7 }));
    const index = createOrderIndex((item: Item) => item.key, items);
    index.remove(items[3] as Item);
    index.remove(items[0] as Item);
    expect(seqs(index.rows)).toEqual([1, 2, 4, 5]);
  });

  it('refuses to remove a row whose key changed while indexed, rather than remove another', () => {
    const moved = { seq: 2, key: 3 };
    const items = [{ seq: 0, key: 1 }, { seq: 1, key: 2 }, moved];
    const index = createOrderIndex((item: Item) => item.key, items);
    moved.key = 0;
    expect(() => index.remove(moved)).toThrow(/not in the index/);
    expect(seqs(index.rows)).toEqual([0, 1, 2]);
  });

  it('stays sorted through many inserts and removes', () => {
    const random = mulberry32(3);
    const index = createOrderIndex((item: Item) => item.key);
    const live: Item[] = [];
    for (let seq = 0; seq < 2000; seq++) {
      if (live.length > 0 && random() < 0.4) {
        const [gone] = live.splice(Math.floor(random() * live.length), 1);
        index.remove(gone as Item);
      } else {
        const item = { seq, key: Math.floor(random() * 50) };
        live.push(item);
        index.insert(item);
      }
    }
    expect(seqs(index.rows)).toEqual(seqs([...live].sort(byKeyThenSeq)));
  });
});
