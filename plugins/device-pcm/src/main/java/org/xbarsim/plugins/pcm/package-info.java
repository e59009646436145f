/** Phase-change memory device physics (science.md section 3). */
package org.xbarsim.plugins.pcm;
