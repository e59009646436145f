/**
 * Clustered sweeps that only members can join: the cluster key every member holds (mutual TLS on the
 * event bus, the Hazelcast cluster name), the messages of the point protocol, validated before use,
 * the coordinator's book of handed-out points with their heartbeats, and the worker that runs only
 * validated points; the member's node (Vert.x clustered by Hazelcast, loopback or named addresses only),
 * and the runner that hands a sweep's or a search's points to the workers ({@link
 * org.xbarsim.explore.cluster.ClusterRunner}).
 */
package org.xbarsim.explore.cluster;
