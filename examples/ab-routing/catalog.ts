/** The two versions of the catalog the experiment compares; each route says which one answered. */
export const catalogV1 = { version: 1, products: ['espresso', 'latte'] };
export const catalogV2 = { version: 2, products: ['espresso', 'latte', 'flat white'], layout: 'grid' };
