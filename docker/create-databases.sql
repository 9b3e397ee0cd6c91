-- Each service owns its own database.
create database bot;
create database handover;
create database agent;
create database transcript;
