/** Before an instance reports ready, it decides generated cases for a while so that the JIT has compiled the rules. */
package de.lotse.warmup;
