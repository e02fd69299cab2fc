/** ringsift stages: the library the pipeline is built from. */
package io.ringsift;
