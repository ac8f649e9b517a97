CREATE (bush:Leader {name: 'George W. Bush'}), (putin:Leader {name: 'Vladimir Putin'}),
       (blair:Leader {name: 'Tony Blair'}),
       (sochi:Summit {name: 'Sochi 2008', year: 2008}),
       (bled:Summit {name: 'Ljubljana 2001', year: 2001}),
       (md:Issue {name: 'missile defense'}), (kosovo:Issue {name: 'Kosovo'}),
       (bush)-[:MET_AT]->(sochi), (putin)-[:MET_AT]->(sochi),
       (bush)-[:MET_AT]->(bled), (putin)-[:MET_AT]->(bled), (blair)-[:MET_AT]->(bled),
       (sochi)-[:DISPUTED]->(md), (bled)-[:DISPUTED]->(md), (bled)-[:DISCUSSED]->(kosovo);
