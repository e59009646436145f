/**
 * Text data for character-level language models: a corpus read from a file, its character
 * vocabulary, the text encoded as ids, and its train and held-out splits. Nothing here is random.
 */
package org.xbarsim.nn.text;
