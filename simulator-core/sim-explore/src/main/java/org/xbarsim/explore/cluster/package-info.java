/**
 * Clustered sweeps that only members can join: the cluster key every member holds (mutual TLS on the
 * event bus, the Hazelcast cluster name), the messages of the point protocol, validated before use,
 * the coordinator's book of handed-out points with their heartbeats, and the worker that runs only
 * validated points. Plain Vert.x: the Hazelcast cluster manager is the command line's.
 */
package org.xbarsim.explore.cluster;
